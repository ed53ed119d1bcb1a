import type { Driver } from '../db/schema';
import { AppError } from '../errors';

export function driverView(driver: Driver) {
  const { id, name, email, phone, status, company, notes } = driver;
  return { id, name, email, phone, status, company, notes, createdAt: driver.createdAt.toISOString(), updatedAt: driver.updatedAt.toISOString() };
}

export type DriverView = ReturnType<typeof driverView>;

export function driverAuditView(driver: Driver) {
  const { name, email, phone, status, company, notes } = driver;
  return { name, email, phone, status, company, notes };
}

export const emailTaken = (email: string) => new AppError(409, 'email_taken', `email: ${email} belongs to another driver`, 'email');
