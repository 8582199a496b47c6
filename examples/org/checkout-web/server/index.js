import express from "express";

const app = express();
app.use(express.static("dist"));
app.get("/healthz", (_req, res) => res.json({ status: "ok" }));
app.listen(Number(process.env.PORT ?? 8080));
