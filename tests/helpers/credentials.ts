/** The admin that the seed creates in every test database (see globalSetup files). */
export const SEEDED_ADMIN = {
  email: 'admin@otei.test',
  password: 'seeded-admin-password-1',
}

/** The frontend's origin, allowed by CORS_ORIGINS in the browser tests' server. */
export const FRONTEND_ORIGIN = 'http://frontend.otei.test'
