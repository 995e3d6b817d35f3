export const flags = { postingEnabled: false, dailyBudgetUsd: 5 };
