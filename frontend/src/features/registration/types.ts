export interface RegistrationDetails {
  iinBin: string;
  email: string;
  contractNumber: string;
  contractDate: string;
  phone: string;
}

export const EMPTY_DETAILS: RegistrationDetails = { iinBin: '', email: '', contractNumber: '', contractDate: '', phone: '' };
