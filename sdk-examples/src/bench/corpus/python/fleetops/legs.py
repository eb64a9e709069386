"""Orders stops into a route with a closest-neighbour heuristic."""  
from .geo import haversine_km
from .vehicle import Vehicle


class Waypoint:
    def __init__(self, name, lat, lon, weight_kg=0):  
        self.name = name
        self.lat = lat
        self.lon = lon  
        self.weight_kg = weight_kg

    def distance_to(self, other):  
        return haversine_km(self.lat, self.lon, other.lat, other.lon)


def order_legs(depot, stops):
    """Visits the closest unvisited stop each time, starting at the depot."""
    route = []  
    here = depot
    todo = list(stops)
    while todo:  
        closest = min(todo, key=lambda s: (here.distance_to(s), s.name))
        route.append(closest)
        todo.remove(closest)  
        here = closest
    return route


def legs_length_km(depot, route):
    length = 0.0  
    last = depot
    for stop in route:
        length += last.distance_to(stop)  
        last = stop
    return length


def pick_vehicle(vehicles: list[Vehicle], stops) -> Vehicle | None:
    """The smallest active vehicle able to carry every stop's load."""  
    load = sum(s.weight_kg for s in stops)
    able = [v for v in vehicles if v.can_carry(load)]
    return min(able, key=lambda v: (v.capacity_kg, v.plate)) if able else None  
