#!/usr/bin/python3
"""Writes the small weight-file fixtures the weights tests read, with real HDF5/NumPy tooling.

Run from this folder with the system Python (h5py is not needed at test time):

    apt-get install -y python3-h5py
    /usr/bin/python3 make_keras_fixture.py

Outputs (all VGG channel counts divided by 32, so each file is a few KB):
  keras_vgg19_d32.h5     VGG19 in the Keras 2.0 layout of vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5:
                         root attribute layer_names (input_1, block1_conv1, ..., block5_pool), one group per
                         layer with attribute weight_names ('block1_conv1_W_1:0', 'block1_conv1_b_1:0'),
                         HWIO kernels; input and pooling layers have an empty weight_names.
  keras_vgg16_d32_tf2.h5 VGG16 in the later Keras layout: weight_names 'block1_conv1/kernel:0' (a nested group).
  vgg19_d32.npz          the VGG19 weights above in torchvision names and OIHW layout, via numpy.savez.

Values follow a formula the Java tests recompute, so they can check every value and the
HWIO -> OIHW transpose exactly: for the k-th convolution (k from 0),
  kernel[o, i, h, w] = ((7k + 5o + 3i + 2h + w) % 23 - 11) / 8,   bias[o] = ((k + o) % 5 - 2) / 4
(all exactly representable in float32).
"""
import h5py
import numpy as np

BLOCK_CHANNELS = [64, 128, 256, 512, 512]
DIVISOR = 32


def convs(per_block):
    """(layer name, in, out) for each convolution."""
    out, cin = [], 3
    for b, n in enumerate(per_block):
        cout = BLOCK_CHANNELS[b] // DIVISOR
        for i in range(n):
            out.append(("block%d_conv%d" % (b + 1, i + 1), cin, cout))
            cin = cout
    return out


def oihw(k, cin, cout):
    o, i, h, w = np.meshgrid(np.arange(cout), np.arange(cin), np.arange(3), np.arange(3), indexing="ij")
    return (((7 * k + 5 * o + 3 * i + 2 * h + w) % 23 - 11) / 8.0).astype(np.float32)


def bias(k, cout):
    return ((((k + np.arange(cout)) % 5) - 2) / 4.0).astype(np.float32)


def layer_names(per_block):
    names = ["input_1"]
    for b, n in enumerate(per_block):
        names += ["block%d_conv%d" % (b + 1, i + 1) for i in range(n)]
        names.append("block%d_pool" % (b + 1))
    return names


def write_keras(path, per_block, new_style):
    layers = convs(per_block)
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([n.encode("utf8") for n in layer_names(per_block)])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.2.4" if new_style else b"2.0.0"
        by_name = {name: (k, cin, cout) for k, (name, cin, cout) in enumerate(layers)}
        for name in layer_names(per_block):
            g = f.create_group(name)
            if name not in by_name:
                # What Keras writes for a layer without weights: np.asarray([]) (float64, empty).
                g.attrs["weight_names"] = np.asarray([])
                continue
            k, cin, cout = by_name[name]
            if new_style:
                wn = [name + "/kernel:0", name + "/bias:0"]
            else:
                wn = [name + "_W_1:0", name + "_b_1:0"]
            g.attrs["weight_names"] = np.array([n.encode("utf8") for n in wn])
            g.create_dataset(wn[0], data=np.transpose(oihw(k, cin, cout), (2, 3, 1, 0)))  # OIHW -> HWIO
            g.create_dataset(wn[1], data=bias(k, cout))


def write_npz(path, per_block):
    indices, index = [], 0
    for n in per_block:
        for _ in range(n):
            indices.append(index)
            index += 2
        index += 1
    arrays = {}
    for k, ((name, cin, cout), idx) in enumerate(zip(convs(per_block), indices)):
        arrays["features.%d.weight" % idx] = oihw(k, cin, cout)
        arrays["features.%d.bias" % idx] = bias(k, cout)
    np.savez(path, **arrays)


if __name__ == "__main__":
    write_keras("keras_vgg19_d32.h5", [2, 2, 4, 4, 4], new_style=False)
    write_keras("keras_vgg16_d32_tf2.h5", [2, 2, 3, 3, 3], new_style=True)
    write_npz("vgg19_d32.npz", [2, 2, 4, 4, 4])
