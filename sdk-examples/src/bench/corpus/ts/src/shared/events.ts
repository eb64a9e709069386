type Listener<T> = (payload: T) => void;

/** A typed publish/subscribe hub; listeners run in subscription order. */
export class EventHub<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Listener<any>[]>();

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener);
    this.listeners.set(name, list);
    return () => this.off(name, listener);
  }

  off<K extends keyof Events>(name: K, listener: Listener<Events[K]>): void {
    const list = this.listeners.get(name);
    if (!list) {
      return;
    }
    this.listeners.set(name, list.filter((l) => l !== listener));
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): number {
    const list = this.listeners.get(name) ?? [];
    for (const listener of list) {
      listener(payload);
    }
    return list.length;
  }
}
