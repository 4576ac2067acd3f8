/**
 * Splitting one run over many images or frames into shards that separate processes (SLURM
 * array tasks, Snakemake or Nextflow jobs) run independently: which shard this process is
 * ({@link io.github.neuralstyle.shard.Shard}, from {@code --shard i/n} or SLURM's array
 * variables) and which items it owns and computes ({@link io.github.neuralstyle.shard.Chunk}).
 * Pure Java, no ImageJ, no engine.
 */
package io.github.neuralstyle.shard;
