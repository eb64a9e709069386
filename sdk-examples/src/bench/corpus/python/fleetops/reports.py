"""Plain-text and CSV reports about the fleet."""
import csv
import io

from .maintenance import next_service_km
from .vehicle import Vehicle


def fleet_table(vehicles):
    """One aligned line per vehicle, sorted by plate."""
    rows = []
    for v in sorted(vehicles, key=lambda v: v.plate):
        rows.append(f"{v.plate:<10} {v.state.value:<8} {v.odometer_km:>10.1f} km  next {next_service_km(v):>8.0f}")
    return "\n".join(rows)


def fleet_csv(vehicles: list[Vehicle]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["plate", "state", "odometer_km", "capacity_kg"])
    for v in vehicles:
        writer.writerow([v.plate, v.state.value, f"{v.odometer_km:.1f}", v.capacity_kg])
    return buffer.getvalue()


class UtilisationReport:
    def __init__(self, window_days):
        self.window_days = window_days
        self.km_by_plate = {}

    def record(self, plate, km):
        self.km_by_plate[plate] = self.km_by_plate.get(plate, 0.0) + km

    def average_km_per_day(self, plate):
        return self.km_by_plate.get(plate, 0.0) / self.window_days
