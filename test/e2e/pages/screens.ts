/** The screens with the headings and empty-state titles a user reads, in both languages. */
export const SCREENS = [
  {
    id: 'dashboard',
    fr: ['Tableau de bord', 'Bienvenue dans Encours'],
    en: ['Dashboard', 'Welcome to Encours'],
  },
  { id: 'clients', fr: ['Clients', "Aucun client pour l'instant"], en: ['Buyers', 'No buyers yet'] },
  { id: 'invoices', fr: ['Factures', "Aucune facture pour l'instant"], en: ['Invoices', 'No invoices yet'] },
  {
    id: 'limits',
    fr: ['Limites & alertes', 'Aucune limite de crédit enregistrée'],
    en: ['Limits & alerts', 'No credit limits recorded'],
  },
  {
    id: 'canShip',
    fr: ['Puis-je livrer ?', 'Aucun client à vérifier'],
    en: ['Can I ship?', 'No buyer to check'],
  },
  {
    id: 'claims',
    fr: ['Sinistres', 'Aucun dossier de sinistre ouvert'],
    en: ['Claims', 'No open claim files'],
  },
  {
    id: 'premium',
    fr: ['Simulateur de prime', null],
    en: ['Premium simulator', null],
  },
  { id: 'import', fr: ['Import', 'Aucun import réalisé'], en: ['Import', 'Nothing imported yet'] },
  { id: 'conflicts', fr: ['Conflits', 'Aucun conflit'], en: ['Conflicts', 'No conflicts'] },
  {
    id: 'diagnostic',
    fr: ["Diagnostic d'un prospect", 'Choisissez le FEC du prospect'],
    en: ['Prospect diagnostic', "Choose the prospect's FEC"],
  },
  { id: 'settings', fr: ['Paramètres', null], en: ['Settings', null] },
] as const;

export type Lang = 'fr' | 'en';
