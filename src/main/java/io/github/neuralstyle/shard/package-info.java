/**
 * Splitting one run over many images or frames into shards that separate processes (SLURM
 * array tasks, Snakemake or Nextflow jobs) run independently: which shard this process is
 * ({@link io.github.neuralstyle.shard.Shard}, from {@code --shard i/n} or SLURM's array
 * variables) and which items it owns and computes ({@link io.github.neuralstyle.shard.Chunk}).
 * No ImageJ: {@link io.github.neuralstyle.shard.ShardFrames} fits a shard to the sequence runner of
 * {@code engine.video}.
 */
package io.github.neuralstyle.shard;
