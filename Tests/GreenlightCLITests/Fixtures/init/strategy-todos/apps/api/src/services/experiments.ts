export type Variant = { name: string; weight: number };
export const variants: Variant[] = [{ name: "control", weight: 50 }, { name: "ranked", weight: 50 }];
