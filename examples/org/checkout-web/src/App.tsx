import classNames from "classnames";
import moment from "moment";

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export function App({ lines, placedAt }: { lines: CartLine[]; placedAt: Date }) {
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  return (
    <main className={classNames("checkout", { empty: lines.length === 0 })}>
      <h1>Your order</h1>
      <ul>
        {lines.map((l) => (
          <li key={l.sku}>
            {l.quantity} × {l.name}
          </li>
        ))}
      </ul>
      <p>Total: {(total / 100).toFixed(2)} EUR</p>
      <p>Placed {moment(placedAt).fromNow()}</p>
    </main>
  );
}
