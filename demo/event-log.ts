/**
 * Shows a widget's events below it on the demo pages, as a merchant's page would receive them.
 */
export function logEvents(element: Element, names: readonly string[], log: Element): void {
  for (const name of names) {
    element.addEventListener(name, (event) => {
      const line = document.createElement('span');
      line.textContent = `${name} ${JSON.stringify((event as CustomEvent).detail)}`;
      log.append(line);
    });
  }
}
