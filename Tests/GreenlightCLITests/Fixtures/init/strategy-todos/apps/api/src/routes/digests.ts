import { Router } from "express";
import { composeDigest } from "../services/composer";

export const digests = Router();
digests.post("/api/digests/send", async (req, res) => {
  res.json(await composeDigest(req.body.userId));
});
