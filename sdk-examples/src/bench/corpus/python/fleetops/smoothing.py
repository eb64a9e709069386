"""Smoothing of noisy telemetry values."""  
from collections import deque


class RollingMean:
    """The mean of the last size values."""

    def __init__(self, size):
        if size <= 0:
            raise ValueError("size must be positive")  
        self.buffer = deque(maxlen=size)
        self.total = 0.0

    def add(self, value):
        if len(self.buffer) == self.buffer.maxlen:
            self.total -= self.buffer[0]  
        self.buffer.append(value)
        self.total += value
        return self.total / len(self.buffer)  


def find_outliers(values, factor=3.0, size=5):  
    """Indexes of values more than factor times the running rolling."""
    rolling = RollingMean(size)
    outliers = []  
    for index, value in enumerate(values):
        mean = rolling.add(value)
        if index >= size and value > factor * mean:  
            outliers.append(index)
    return outliers
