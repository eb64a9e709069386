"""Service intervals and the maintenance schedule."""
import datetime as dt

from .vehicle import Vehicle, VehicleState

SERVICE_INTERVAL_KM = 15000
SERVICE_INTERVAL_DAYS = 365


def next_service_km(vehicle: Vehicle) -> float:
    """The odometer reading at which the vehicle is next due."""
    done = int(vehicle.odometer_km // SERVICE_INTERVAL_KM)
    return (done + 1) * SERVICE_INTERVAL_KM


def is_due(vehicle, last_service, today=None):
    today = today or dt.date.today()
    overdue_days = (today - last_service).days >= SERVICE_INTERVAL_DAYS
    near_km = next_service_km(vehicle) - vehicle.odometer_km < 500
    return overdue_days or near_km


def send_to_shop(vehicles, last_services, today):
    """Moves every due vehicle to the shop and returns their plates."""
    moved = []
    for vehicle in vehicles:
        if vehicle.state is VehicleState.ACTIVE and is_due(vehicle, last_services[vehicle.plate], today):
            vehicle.state = VehicleState.IN_SHOP
            moved.append(vehicle.plate)
    return sorted(moved)
