import { test } from "vitest"; test("holdings", () => {});
