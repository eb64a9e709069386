"""Vehicles and their odometers."""
from dataclasses import dataclass, field
from enum import Enum


class VehicleState(Enum):
    ACTIVE = "active"
    IN_SHOP = "in_shop"
    RETIRED = "retired"


@dataclass
class Vehicle:
    """One vehicle of the fleet."""

    plate: str
    capacity_kg: int
    odometer_km: float = 0.0
    state: VehicleState = VehicleState.ACTIVE
    tags: list = field(default_factory=list)

    def drive(self, km):
        """Adds km to the odometer; a retired vehicle cannot drive."""
        if self.state is VehicleState.RETIRED:
            raise ValueError(f"{self.plate} is retired")
        if km < 0:
            raise ValueError("km must be positive")
        self.odometer_km += km
        return self.odometer_km

    def can_carry(self, weight_kg):
        return self.state is VehicleState.ACTIVE and weight_kg <= self.capacity_kg
