"""Dispatching: a day's stops to the fleet."""
from .routing import Stop, assign_vehicle, plan_route, route_length_km
from .telemetry import MovingAverage


class Dispatcher:
    def __init__(self, depot: Stop, vehicles):
        self.depot = depot
        self.vehicles = vehicles
        self.load_average = MovingAverage(7)

    def dispatch(self, stops):
        """Plans a route and picks a vehicle; returns (plate, stops, km)."""
        vehicle = assign_vehicle(self.vehicles, stops)
        if vehicle is None:
            raise RuntimeError("no vehicle can carry the load")
        route = plan_route(self.depot, stops)
        km = route_length_km(self.depot, route)
        vehicle.drive(km)
        self.load_average.add(sum(s.weight_kg for s in stops))
        return vehicle.plate, [s.name for s in route], round(km, 1)
