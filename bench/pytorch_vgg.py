#!/usr/bin/env python3
"""PyTorch (CPU) training throughput of dsdl's default model, for a side-by-side comparison.

The same network as dsdl's default `vgg-1.24m` (1,245,085 weights): 32x32x1 input; 3x3 convolutions
(padding "same") 32, 32 | 64, 64 | 128, 128, each followed by ReLU, each block ending in 2x2 max-pooling;
dense 440, 128 (ReLU); 5 logits; softmax cross-entropy; Adam (lr 1e-3, betas 0.9/0.999, eps 1e-7).
Inputs are fixed random tensors (throughput does not depend on the values). Every batch size gets its
own model; repeats visit the batch sizes in turns, as `dsdl bench --batches` does. All cores unless
--threads says otherwise.

  python3 bench/pytorch_vgg.py [--batches 16,32,64] [--steps 50] [--warmup 10] [--repeats 3] [--threads N] [--json]

Not part of dsdl's build or tests: Debian's python3-torch (1.13) is enough to run it.
"""
import argparse
import json
import os
import statistics
import time

import torch
from torch import nn


def vgg_124m(classes=5):
    layers = []
    channels = 1
    for block in ([32, 32], [64, 64], [128, 128]):
        for filters in block:
            layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU()]
            channels = filters
        layers.append(nn.MaxPool2d(2))
    layers += [nn.Flatten(), nn.Linear(4 * 4 * 128, 440), nn.ReLU(), nn.Linear(440, 128), nn.ReLU(), nn.Linear(128, classes)]
    return nn.Sequential(*layers)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batches", default="16,32,64")
    p.add_argument("--steps", type=int, default=50, help="training steps per repeat and batch size")
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    batches = [int(b) for b in a.batches.split(",")]
    runs = {}
    for b in batches:
        model = vgg_124m()
        assert sum(t.numel() for t in model.parameters()) == 1_245_085
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
        x = torch.rand(b, 1, 32, 32)
        y = torch.arange(b) % 5
        runs[b] = (model, opt, x, y)
    loss_fn = nn.CrossEntropyLoss()

    def train(b, steps):
        model, opt, x, y = runs[b]
        loss = None
        for _ in range(steps):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        return None if loss is None else loss.item()

    if not batches or min(batches) < 1:
        p.error("--batches must list batch sizes >= 1")
    for b in batches:
        train(b, a.warmup)
    rates = {b: [] for b in batches}
    for _ in range(a.repeats):
        for b in batches:
            t0 = time.perf_counter()
            train(b, a.steps)
            rates[b].append(b * a.steps / (time.perf_counter() - t0))
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "steps": a.steps, "repeats": a.repeats,
              "batches": [{"batchSize": b, "median": statistics.median(v), "min": min(v), "max": max(v)} for b, v in rates.items()]}
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"PyTorch {torch.__version__} CPU, {torch.get_num_threads()} threads; {a.steps} steps x {a.repeats} repeats per batch size"
              f" after {a.warmup} warm-up steps, batch sizes in turns; median [min-max]")
        for r in result["batches"]:
            print(f"  batch {r['batchSize']:4d}  training {r['median']:.0f} [{r['min']:.0f}-{r['max']:.0f}] samples/s")


if __name__ == "__main__":
    main()
