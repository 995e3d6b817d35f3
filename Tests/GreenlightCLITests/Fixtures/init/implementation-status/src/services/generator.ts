import { OpenAI } from 'openai';
import { flags } from "../config/flags";

export const generator = new OpenAI();
export const enabled = () => flags.postingEnabled;
