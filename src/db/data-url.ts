/** Where the dataset is served from: `VITE_DATA_URL` (e.g. the test fixture in dev), else `<base>data/`. Its own module so fetching a file never pulls in DuckDB. */
export const dataBaseUrl = (): string => import.meta.env.VITE_DATA_URL || `${import.meta.env.BASE_URL}data/`;
