"""Orders stops into a route with a nearest-neighbour heuristic."""
from .geo import haversine_km
from .vehicle import Vehicle


class Stop:
    def __init__(self, name, lat, lon, weight_kg=0):
        self.name = name
        self.lat = lat
        self.lon = lon
        self.weight_kg = weight_kg

    def distance_to(self, other):
        return haversine_km(self.lat, self.lon, other.lat, other.lon)


def plan_route(depot, stops):
    """Visits the nearest unvisited stop each time, starting at the depot."""
    route = []
    current = depot
    remaining = list(stops)
    while remaining:
        nearest = min(remaining, key=lambda s: (current.distance_to(s), s.name))
        route.append(nearest)
        remaining.remove(nearest)
        current = nearest
    return route


def route_length_km(depot, route):
    total = 0.0
    previous = depot
    for stop in route:
        total += previous.distance_to(stop)
        previous = stop
    return total


def assign_vehicle(vehicles: list[Vehicle], stops) -> Vehicle | None:
    """The smallest active vehicle able to carry every stop's load."""
    load = sum(s.weight_kg for s in stops)
    able = [v for v in vehicles if v.can_carry(load)]
    return min(able, key=lambda v: (v.capacity_kg, v.plate)) if able else None
