"""Smoothing of noisy telemetry samples."""
from collections import deque


class MovingAverage:
    """The mean of the last size samples."""

    def __init__(self, size):
        if size <= 0:
            raise ValueError("size must be positive")
        self.window = deque(maxlen=size)
        self.total = 0.0

    def add(self, sample):
        if len(self.window) == self.window.maxlen:
            self.total -= self.window[0]
        self.window.append(sample)
        self.total += sample
        return self.total / len(self.window)


def detect_spikes(samples, factor=3.0, size=5):
    """Indexes of samples more than factor times the running average."""
    average = MovingAverage(size)
    spikes = []
    for index, sample in enumerate(samples):
        mean = average.add(sample)
        if index >= size and sample > factor * mean:
            spikes.append(index)
    return spikes
