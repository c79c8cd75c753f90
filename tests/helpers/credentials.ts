/** The admin that the seed creates in every test database (see globalSetup files). */
export const SEEDED_ADMIN = {
  email: 'admin@otei.test',
  password: 'seeded-admin-password-1',
}
