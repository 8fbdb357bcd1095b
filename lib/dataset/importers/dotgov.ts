/**
 * US federal bodies from CISA's .gov registry (cisagov/dotgov-data): current-federal.csv
 * (domain → organisation / sub-organisation) and agencies-and-subs.csv (agency → bureau).
 * The registry lists every federal body with a domain, from museums to laboratories; only the
 * ones that regulate, supervise or enforce are kept, by the hand-written allow-list below,
 * which also gives each its id, remit and (when the registry has one) its domain.
 */
import type { AliasInput, EntityRecord, Remit } from '../schema';
import { ImportError, parseCsv } from './csv';

export const DOTGOV_FEDERAL_FILE = 'cisagov__dotgov-data/current-federal.csv';
export const DOTGOV_AGENCIES_FILE = 'cisagov__dotgov-data/agencies-and-subs.csv';
const DOTGOV_URL = 'https://github.com/cisagov/dotgov-data/blob/main/current-federal.csv';
const AGENCIES_URL = 'https://github.com/cisagov/dotgov-data/blob/main/agencies-and-subs.csv';
/** The day current-federal.csv last changed (SOURCE.md). */
export const DOTGOV_AS_OF = '2026-08-18';

export interface BodySpec {
  /** The body's name exactly as the registry spells it. */
  src: string;
  /** The organisation / agency it is listed under, when it is a sub-organisation or bureau. */
  under?: string;
  id: string;
  remit: Remit[];
  /** One of its .gov domains in current-federal.csv (checked), for the website. */
  domain?: string;
  /** An initialism, accepted only when it is also the label of one of the body's .gov domains (or in its listed name). */
  acronym?: string;
  /** The name to show when the registry's is too bare ("Department of Justice" → "U.S. …"). */
  name?: string;
}

const D = (src: string, id: string, remit: Remit[], domain: string, acronym?: string): BodySpec => ({
  src,
  id,
  remit,
  domain,
  acronym,
  name: `U.S. ${src}`,
});

/** Executive departments (all fifteen), then independent bodies, then bureaus by parent. */
export const US_BODIES: BodySpec[] = [
  D('Department of Agriculture', 'us-usda', ['general'], 'usda.gov', 'USDA'),
  D('Department of Commerce', 'us-doc', ['trade', 'industry', 'export-control', 'standards'], 'commerce.gov'),
  D('Department of Defense', 'us-dod', ['defence', 'national-security'], 'defense.gov'),
  D('Department of Education', 'us-education', ['education'], 'ed.gov'),
  D('Department of Energy', 'us-doe', ['energy'], 'energy.gov'),
  D('Department of Health and Human Services', 'us-hhs', ['health'], 'hhs.gov', 'HHS'),
  D('Department of Homeland Security', 'us-dhs', ['public-security', 'national-security'], 'dhs.gov', 'DHS'),
  D('Department of Housing and Urban Development', 'us-hud', ['general'], 'hud.gov', 'HUD'),
  D('Department of Justice', 'us-doj', ['justice', 'competition'], 'justice.gov'),
  D('Department of Labor', 'us-dol', ['labour'], 'dol.gov', 'DOL'),
  D('Department of State', 'us-state', ['foreign-affairs'], 'state.gov'),
  D('Department of the Interior', 'us-doi', ['environment', 'energy'], 'doi.gov', 'DOI'),
  D(
    'Department of the Treasury',
    'us-treasury',
    ['finance', 'tax', 'sanctions', 'investment-screening'],
    'treasury.gov',
  ),
  D('Department of Transportation', 'us-dot', ['transport'], 'transportation.gov'),
  D('Department of Veterans Affairs', 'us-va', ['general'], 'va.gov', 'VA'),
  { src: 'Executive Office of the President', id: 'us-eop', remit: ['executive'], domain: 'whitehouse.gov' },

  // Legislature and courts
  { src: 'United States Senate', id: 'us-senate', remit: ['legislature'], domain: 'senate.gov', name: 'U.S. Senate' },
  {
    src: 'United States House of Representatives',
    id: 'us-house',
    remit: ['legislature'],
    domain: 'house.gov',
    name: 'U.S. House of Representatives',
  },
  {
    src: 'Government Accountability Office',
    id: 'us-gao',
    remit: ['accounting-audit'],
    domain: 'gao.gov',
    acronym: 'GAO',
  },
  {
    src: 'Congressional-Executive Commission on China',
    under: 'United States House of Representatives',
    id: 'us-cecc',
    remit: ['foreign-affairs'],
    domain: 'cecc.gov',
    acronym: 'CECC',
  },
  {
    src: 'Commission on Security and Cooperation in Europe',
    under: 'United States House of Representatives',
    id: 'us-csce',
    remit: ['foreign-affairs'],
    domain: 'csce.gov',
    acronym: 'CSCE',
  },
  {
    src: 'Capitol Police',
    id: 'us-capitol-police',
    remit: ['public-security'],
    domain: 'uscp.gov',
    acronym: 'USCP',
    name: 'United States Capitol Police',
  },
  {
    src: 'Office of Congressional Workplace Rights',
    id: 'us-ocwr',
    remit: ['labour'],
    domain: 'ocwr.gov',
    acronym: 'OCWR',
  },
  { src: 'Supreme Court of the United States', id: 'us-supreme-court', remit: ['justice'], domain: 'supremecourt.gov' },
  { src: 'United States Tax Court', id: 'us-tax-court', remit: ['tax', 'justice'], domain: 'ustaxcourt.gov' },
  {
    src: 'United States Sentencing Commission',
    id: 'us-ussc',
    remit: ['justice'],
    domain: 'ussc.gov',
    acronym: 'USSC',
  },
  { src: 'United States Court of International Trade', id: 'us-cit', remit: ['trade', 'justice'] },
  {
    src: 'United States Court of Appeals for the Federal Circuit',
    id: 'us-cafc',
    remit: ['intellectual-property', 'trade', 'justice'],
  },

  // Independent financial regulators
  { src: 'Securities and Exchange Commission', id: 'us-sec', remit: ['securities'], domain: 'sec.gov', acronym: 'SEC' },
  {
    src: 'Commodity Futures Trading Commission',
    id: 'us-cftc',
    remit: ['derivatives'],
    domain: 'cftc.gov',
    acronym: 'CFTC',
  },
  {
    src: 'Board of Governors of the Federal Reserve',
    id: 'us-fed',
    remit: ['central-bank', 'banking', 'payments'],
    domain: 'federalreserve.gov',
    name: 'Board of Governors of the Federal Reserve System',
  },
  {
    src: 'Federal Financial Institutions Examination Council',
    under: 'Board of Governors of the Federal Reserve',
    id: 'us-ffiec',
    remit: ['banking'],
    domain: 'ffiec.gov',
    acronym: 'FFIEC',
  },
  {
    src: 'Appraisal Subcommittee of the Federal Financial Institutions Examination Council',
    id: 'us-ffiec-asc',
    remit: ['banking'],
    domain: 'asc.gov',
  },
  {
    src: 'Federal Deposit Insurance Corporation',
    id: 'us-fdic',
    remit: ['banking', 'insurance'],
    domain: 'fdic.gov',
    acronym: 'FDIC',
  },
  {
    src: 'Consumer Financial Protection Bureau',
    id: 'us-cfpb',
    remit: ['consumer', 'banking', 'payments'],
    domain: 'cfpb.gov',
    acronym: 'CFPB',
  },
  {
    src: 'National Credit Union Administration',
    id: 'us-ncua',
    remit: ['banking'],
    domain: 'ncua.gov',
    acronym: 'NCUA',
  },
  {
    src: 'Federal Housing Finance Agency',
    id: 'us-fhfa',
    remit: ['finance', 'banking'],
    domain: 'fhfa.gov',
    acronym: 'FHFA',
  },
  { src: 'Farm Credit Administration', id: 'us-fca', remit: ['banking'], domain: 'fca.gov', acronym: 'FCA' },
  {
    src: 'Farm Credit System Insurance Corporation',
    id: 'us-fcsic',
    remit: ['banking', 'insurance'],
    domain: 'fcsic.gov',
    acronym: 'FCSIC',
  },
  {
    src: 'Pension Benefit Guaranty Corporation',
    id: 'us-pbgc',
    remit: ['pensions'],
    domain: 'pbgc.gov',
    acronym: 'PBGC',
  },
  { src: 'Public Company Accounting Oversight Board', id: 'us-pcaob', remit: ['accounting-audit', 'securities'] },
  { src: 'Securities Investor Protection Corporation', id: 'us-sipc', remit: ['securities', 'insurance'] },

  // Other independent regulators, commissions and boards
  {
    src: 'Federal Trade Commission',
    id: 'us-ftc',
    remit: ['competition', 'consumer', 'privacy'],
    domain: 'ftc.gov',
    acronym: 'FTC',
  },
  {
    src: 'Federal Communications Commission',
    id: 'us-fcc',
    remit: ['telecoms', 'media', 'internet'],
    domain: 'fcc.gov',
    acronym: 'FCC',
  },
  {
    src: 'Federal Energy Regulatory Commission',
    id: 'us-ferc',
    remit: ['energy'],
    domain: 'ferc.gov',
    acronym: 'FERC',
  },
  {
    src: 'Nuclear Regulatory Commission',
    id: 'us-nrc',
    remit: ['energy'],
    domain: 'nrc.gov',
    acronym: 'NRC',
    name: 'U.S. Nuclear Regulatory Commission',
  },
  {
    src: 'Environmental Protection Agency',
    id: 'us-epa',
    remit: ['environment'],
    domain: 'epa.gov',
    acronym: 'EPA',
    name: 'U.S. Environmental Protection Agency',
  },
  {
    src: 'Consumer Product Safety Commission',
    id: 'us-cpsc',
    remit: ['consumer', 'standards'],
    domain: 'cpsc.gov',
    acronym: 'CPSC',
    name: 'U.S. Consumer Product Safety Commission',
  },
  {
    src: 'Equal Employment Opportunity Commission',
    id: 'us-eeoc',
    remit: ['labour'],
    domain: 'eeoc.gov',
    acronym: 'EEOC',
    name: 'U.S. Equal Employment Opportunity Commission',
  },
  { src: 'National Labor Relations Board', id: 'us-nlrb', remit: ['labour'], domain: 'nlrb.gov', acronym: 'NLRB' },
  { src: 'Federal Labor Relations Authority', id: 'us-flra', remit: ['labour'], domain: 'flra.gov', acronym: 'FLRA' },
  { src: 'National Mediation Board', id: 'us-nmb', remit: ['labour', 'transport'], domain: 'nmb.gov', acronym: 'NMB' },
  {
    src: 'Federal Mediation and Conciliation Service',
    id: 'us-fmcs',
    remit: ['labour'],
    domain: 'fmcs.gov',
    acronym: 'FMCS',
  },
  { src: 'Merit Systems Protection Board', id: 'us-mspb', remit: ['labour'], domain: 'mspb.gov', acronym: 'MSPB' },
  {
    src: 'Occupational Safety and Health Review Commission',
    id: 'us-oshrc',
    remit: ['labour', 'justice'],
    domain: 'oshrc.gov',
    acronym: 'OSHRC',
  },
  {
    src: 'Federal Mine Safety and Health Review Commission',
    id: 'us-fmshrc',
    remit: ['labour', 'justice'],
    domain: 'fmshrc.gov',
    acronym: 'FMSHRC',
  },
  { src: 'Federal Election Commission', id: 'us-fec', remit: ['general'], domain: 'fec.gov', acronym: 'FEC' },
  {
    src: 'Election Assistance Commission',
    id: 'us-eac',
    remit: ['general'],
    domain: 'eac.gov',
    acronym: 'EAC',
    name: 'U.S. Election Assistance Commission',
  },
  {
    src: 'Federal Maritime Commission',
    id: 'us-fmc',
    remit: ['transport', 'competition'],
    domain: 'fmc.gov',
    acronym: 'FMC',
  },
  {
    src: 'Surface Transportation Board',
    id: 'us-stb',
    remit: ['transport', 'competition'],
    domain: 'stb.gov',
    acronym: 'STB',
  },
  {
    src: 'National Transportation Safety Board',
    id: 'us-ntsb',
    remit: ['transport'],
    domain: 'ntsb.gov',
    acronym: 'NTSB',
  },
  { src: 'Postal Regulatory Commission', id: 'us-prc', remit: ['market-regulation', 'pricing'], domain: 'prc.gov' },
  {
    src: 'International Trade Commission',
    id: 'us-usitc',
    remit: ['trade'],
    domain: 'usitc.gov',
    acronym: 'USITC',
    name: 'U.S. International Trade Commission',
  },
  {
    src: 'U.S.-China Economic and Security Review Commission',
    id: 'us-uscc',
    remit: ['trade', 'national-security'],
    domain: 'uscc.gov',
    acronym: 'USCC',
  },
  {
    src: 'Privacy and Civil Liberties Oversight Board',
    id: 'us-pclob',
    remit: ['privacy', 'national-security'],
    domain: 'pclob.gov',
    acronym: 'PCLOB',
  },
  {
    src: 'Chemical Safety and Hazard Investigation Board',
    id: 'us-csb',
    remit: ['industry', 'environment'],
    domain: 'csb.gov',
    acronym: 'CSB',
    name: 'U.S. Chemical Safety and Hazard Investigation Board',
  },
  {
    src: 'Defense Nuclear Facilities Safety Board',
    id: 'us-dnfsb',
    remit: ['energy', 'defence'],
    domain: 'dnfsb.gov',
    acronym: 'DNFSB',
  },
  {
    src: 'U.S. Nuclear Waste Technical Review Board',
    id: 'us-nwtrb',
    remit: ['energy', 'environment'],
    domain: 'nwtrb.gov',
    acronym: 'NWTRB',
  },
  {
    src: 'Office of Government Ethics',
    id: 'us-oge',
    remit: ['general'],
    domain: 'oge.gov',
    acronym: 'OGE',
    name: 'U.S. Office of Government Ethics',
  },
  {
    src: 'Office of Special Counsel',
    id: 'us-osc',
    remit: ['justice', 'labour'],
    domain: 'osc.gov',
    name: 'U.S. Office of Special Counsel',
  },
  {
    src: 'Council of the Inspectors General on Integrity and Efficiency',
    id: 'us-cigie',
    remit: ['accounting-audit'],
    domain: 'cigie.gov',
    acronym: 'CIGIE',
  },
  {
    src: 'Office of Personnel Management',
    id: 'us-opm',
    remit: ['labour'],
    domain: 'opm.gov',
    acronym: 'OPM',
    name: 'U.S. Office of Personnel Management',
  },
  {
    src: 'Access Board',
    id: 'us-access-board',
    remit: ['standards'],
    domain: 'access-board.gov',
    name: 'U.S. Access Board',
  },
  {
    src: 'National Capital Planning Commission',
    id: 'us-ncpc',
    remit: ['planning'],
    domain: 'ncpc.gov',
    acronym: 'NCPC',
  },
  {
    src: 'Federal Permitting Improvement Council',
    id: 'us-permitting-council',
    remit: ['planning', 'environment'],
    domain: 'permitting.gov',
  },
  {
    src: 'Office of the Director of National Intelligence',
    id: 'us-odni',
    remit: ['national-security'],
    domain: 'dni.gov',
  },
  { src: 'Central Intelligence Agency', id: 'us-cia', remit: ['national-security'], domain: 'cia.gov', acronym: 'CIA' },
  { src: 'Export-Import Bank of the United States', id: 'us-exim', remit: ['trade', 'finance'], domain: 'exim.gov' },
  {
    src: 'United States International Development Finance Corporation',
    id: 'us-dfc',
    remit: ['finance', 'foreign-affairs'],
    domain: 'dfc.gov',
    acronym: 'DFC',
    name: 'U.S. International Development Finance Corporation',
  },
  {
    src: 'Small Business Administration',
    id: 'us-sba',
    remit: ['finance', 'industry'],
    domain: 'sba.gov',
    acronym: 'SBA',
    name: 'U.S. Small Business Administration',
  },

  // Executive Office of the President
  {
    src: 'White House Office',
    under: 'Executive Office of the President',
    id: 'us-white-house-office',
    remit: ['executive'],
    domain: 'whitehouse.gov',
  },
  {
    src: 'Office of the Vice President',
    under: 'Executive Office of the President',
    id: 'us-ovp',
    remit: ['executive'],
  },
  {
    src: 'Office of Management and Budget',
    under: 'Executive Office of the President',
    id: 'us-omb',
    remit: ['finance', 'executive'],
    domain: 'omb.gov',
    acronym: 'OMB',
  },
  {
    src: 'Office of the United States Trade Representative',
    under: 'Executive Office of the President',
    id: 'us-ustr',
    remit: ['trade'],
    domain: 'ustr.gov',
    acronym: 'USTR',
  },
  {
    src: 'Office of Science and Technology Policy',
    under: 'Executive Office of the President',
    id: 'us-ostp',
    remit: ['science-technology'],
    domain: 'ostp.gov',
    acronym: 'OSTP',
  },
  {
    src: 'National Security Council',
    under: 'Executive Office of the President',
    id: 'us-nsc',
    remit: ['national-security', 'foreign-affairs'],
  },
  {
    src: 'Office of the National Cyber Director',
    under: 'Executive Office of the President',
    id: 'us-oncd',
    remit: ['cyber-data', 'national-security'],
  },
  {
    src: 'Council on Environmental Quality',
    under: 'Executive Office of the President',
    id: 'us-ceq',
    remit: ['environment'],
    domain: 'nepa.gov',
  },
  { src: 'Council of Economic Advisers', under: 'Executive Office of the President', id: 'us-cea', remit: ['finance'] },
  {
    src: 'National Space Council',
    under: 'Executive Office of the President',
    id: 'us-national-space-council',
    remit: ['science-technology'],
  },
  {
    src: 'Office of National Drug Control Policy',
    under: 'Executive Office of the President',
    id: 'us-ondcp',
    remit: ['health', 'public-security'],
    domain: 'ondcp.gov',
    acronym: 'ONDCP',
  },
  {
    src: 'Office of the Intellectual Property Enforcement Coordinator',
    under: 'Executive Office of the President',
    id: 'us-ipec',
    remit: ['intellectual-property'],
  },
  {
    src: 'Department of Government Efficiency',
    under: 'Executive Office of the President',
    id: 'us-doge',
    remit: ['executive'],
    domain: 'doge.gov',
    acronym: 'DOGE',
  },

  // Treasury
  {
    src: 'Office of the Comptroller of the Currency',
    under: 'Department of the Treasury',
    id: 'us-occ',
    remit: ['banking'],
    domain: 'occ.gov',
    acronym: 'OCC',
  },
  {
    src: 'Financial Crimes Enforcement Network',
    under: 'Department of the Treasury',
    id: 'us-fincen',
    remit: ['banking', 'finance', 'public-security'],
    domain: 'fincen.gov',
  },
  {
    src: 'Internal Revenue Service',
    under: 'Department of the Treasury',
    id: 'us-irs',
    remit: ['tax'],
    domain: 'irs.gov',
    acronym: 'IRS',
  },
  {
    src: 'Alcohol and Tobacco Tax and Trade Bureau',
    under: 'Department of the Treasury',
    id: 'us-ttb',
    remit: ['tax', 'industry'],
    domain: 'ttb.gov',
    acronym: 'TTB',
  },
  {
    src: 'Office of Financial Research (OFR)',
    under: 'Department of the Treasury',
    id: 'us-ofr',
    remit: ['finance', 'statistics'],
    domain: 'financialresearch.gov',
    acronym: 'OFR',
    name: 'Office of Financial Research',
  },
  {
    src: 'United States Mint',
    under: 'Department of the Treasury',
    id: 'us-mint',
    remit: ['finance'],
    domain: 'usmint.gov',
    name: 'U.S. Mint',
  },
  {
    src: 'Bureau of Engraving and Printing',
    under: 'Department of the Treasury',
    id: 'us-bep',
    remit: ['finance'],
    domain: 'bep.gov',
    acronym: 'BEP',
  },

  // Commerce
  {
    src: 'Bureau of Industry and Security',
    under: 'Department of Commerce',
    id: 'us-bis',
    remit: ['export-control', 'national-security', 'trade'],
    domain: 'bis.gov',
    acronym: 'BIS',
  },
  {
    src: 'International Trade Administration',
    under: 'Department of Commerce',
    id: 'us-ita',
    remit: ['trade'],
    domain: 'trade.gov',
  },
  {
    src: 'National Institute of Standards and Technology',
    under: 'Department of Commerce',
    id: 'us-nist',
    remit: ['standards', 'science-technology', 'cyber-data'],
    domain: 'nist.gov',
    acronym: 'NIST',
  },
  {
    src: 'National Telecommunications and Information Administration',
    under: 'Department of Commerce',
    id: 'us-ntia',
    remit: ['telecoms', 'internet'],
    domain: 'ntia.gov',
    acronym: 'NTIA',
  },
  {
    src: 'U.S. Patent and Trademark Office',
    under: 'Department of Commerce',
    id: 'us-uspto',
    remit: ['intellectual-property'],
    domain: 'uspto.gov',
    acronym: 'USPTO',
  },
  {
    src: 'National Oceanic and Atmospheric Administration',
    under: 'Department of Commerce',
    id: 'us-noaa',
    remit: ['environment', 'science-technology'],
    domain: 'noaa.gov',
    acronym: 'NOAA',
  },
  {
    src: 'Bureau of the Census',
    under: 'Department of Commerce',
    id: 'us-census',
    remit: ['statistics'],
    domain: 'census.gov',
    name: 'U.S. Census Bureau',
  },

  // Justice
  {
    src: 'Antitrust Division',
    under: 'Department of Justice',
    id: 'us-doj-antitrust',
    remit: ['competition'],
    name: 'Antitrust Division of the U.S. Department of Justice',
  },
  {
    src: 'Civil Rights Division',
    under: 'Department of Justice',
    id: 'us-doj-civil-rights',
    remit: ['justice'],
    name: 'Civil Rights Division of the U.S. Department of Justice',
  },
  {
    src: 'Criminal Division',
    under: 'Department of Justice',
    id: 'us-doj-criminal',
    remit: ['justice'],
    name: 'Criminal Division of the U.S. Department of Justice',
  },
  {
    src: 'Department of Justice, Civil Division',
    under: 'Department of Justice',
    id: 'us-doj-civil',
    remit: ['justice', 'consumer'],
    name: 'Civil Division of the U.S. Department of Justice',
  },
  {
    src: 'National Security Division',
    under: 'Department of Justice',
    id: 'us-doj-nsd',
    remit: ['national-security', 'justice'],
    name: 'National Security Division of the U.S. Department of Justice',
  },
  {
    src: 'Federal Bureau of Investigation',
    under: 'Department of Justice',
    id: 'us-fbi',
    remit: ['public-security', 'national-security'],
    domain: 'fbi.gov',
    acronym: 'FBI',
  },
  {
    src: 'Drug Enforcement Administration',
    under: 'Department of Justice',
    id: 'us-dea',
    remit: ['public-security', 'health'],
    domain: 'dea.gov',
    acronym: 'DEA',
  },
  {
    src: 'Bureau of Alcohol, Tobacco, Firearms, and Explosives',
    under: 'Department of Justice',
    id: 'us-atf',
    remit: ['public-security'],
    domain: 'atf.gov',
    acronym: 'ATF',
  },
  {
    src: 'U.S. Marshals Service',
    under: 'Department of Justice',
    id: 'us-usms',
    remit: ['justice', 'public-security'],
    domain: 'usmarshals.gov',
  },
  {
    src: 'Federal Bureau of Prisons',
    under: 'Department of Justice',
    id: 'us-bop',
    remit: ['justice'],
    domain: 'bop.gov',
    acronym: 'BOP',
  },
  {
    src: 'United States Parole Commission',
    under: 'Department of Justice',
    id: 'us-parole-commission',
    remit: ['justice'],
  },

  // Homeland Security
  {
    src: 'Cybersecurity and Infrastructure Security Agency',
    under: 'Department of Homeland Security',
    id: 'us-cisa',
    remit: ['cyber-data', 'national-security'],
    domain: 'cisa.gov',
    acronym: 'CISA',
  },
  {
    src: 'U.S. Customs and Border Protection',
    under: 'Department of Homeland Security',
    id: 'us-cbp',
    remit: ['customs', 'trade', 'public-security'],
    domain: 'cbp.gov',
    acronym: 'CBP',
  },
  {
    src: 'U.S. Immigration and Customs Enforcement',
    under: 'Department of Homeland Security',
    id: 'us-ice',
    remit: ['public-security', 'customs'],
    domain: 'ice.gov',
    acronym: 'ICE',
  },
  {
    src: 'Transportation Security Administration',
    under: 'Department of Homeland Security',
    id: 'us-tsa',
    remit: ['transport', 'public-security'],
    domain: 'tsa.gov',
    acronym: 'TSA',
  },
  {
    src: 'Citizenship and Immigration Services',
    under: 'Department of Homeland Security',
    id: 'us-uscis',
    remit: ['public-security'],
    domain: 'uscis.gov',
    acronym: 'USCIS',
    name: 'U.S. Citizenship and Immigration Services',
  },
  {
    src: 'United States Coast Guard',
    under: 'Department of Homeland Security',
    id: 'us-uscg',
    remit: ['transport', 'public-security', 'defence'],
    domain: 'uscg.gov',
    acronym: 'USCG',
    name: 'U.S. Coast Guard',
  },
  {
    src: 'United States Secret Service',
    under: 'Department of Homeland Security',
    id: 'us-usss',
    remit: ['public-security', 'finance'],
    domain: 'secretservice.gov',
    name: 'U.S. Secret Service',
  },
  {
    src: 'Federal Emergency Management Agency',
    under: 'Department of Homeland Security',
    id: 'us-fema',
    remit: ['public-security'],
    domain: 'fema.gov',
    acronym: 'FEMA',
  },

  // Health and Human Services
  {
    src: 'Food and Drug Administration',
    under: 'Department of Health and Human Services',
    id: 'us-fda',
    remit: ['health', 'consumer'],
    domain: 'fda.gov',
    acronym: 'FDA',
    name: 'U.S. Food and Drug Administration',
  },
  {
    src: 'Centers for Medicare and Medicaid Services',
    under: 'Department of Health and Human Services',
    id: 'us-cms',
    remit: ['health', 'insurance'],
    domain: 'cms.gov',
    acronym: 'CMS',
  },
  {
    src: 'Centers for Disease Control and Prevention',
    under: 'Department of Health and Human Services',
    id: 'us-cdc',
    remit: ['health'],
    domain: 'cdc.gov',
    acronym: 'CDC',
  },
  {
    src: 'National Institutes of Health',
    under: 'Department of Health and Human Services',
    id: 'us-nih',
    remit: ['health', 'science-technology'],
    domain: 'nih.gov',
    acronym: 'NIH',
  },

  // Labor
  {
    src: 'Occupational Safety and Health Administration',
    under: 'Department of Labor',
    id: 'us-osha',
    remit: ['labour', 'health'],
    domain: 'osha.gov',
    acronym: 'OSHA',
  },
  {
    src: 'Mine Safety and Health Administration',
    under: 'Department of Labor',
    id: 'us-msha',
    remit: ['labour', 'industry'],
    domain: 'msha.gov',
    acronym: 'MSHA',
  },
  {
    src: 'Employee Benefits Security Administration',
    under: 'Department of Labor',
    id: 'us-ebsa',
    remit: ['pensions', 'insurance'],
  },
  { src: 'Wage and Hour Division', under: 'Department of Labor', id: 'us-whd', remit: ['labour'] },
  {
    src: 'Office of Federal Contract Compliance Programs',
    under: 'Department of Labor',
    id: 'us-ofccp',
    remit: ['labour'],
  },
  { src: 'Office of Labor Management Standards', under: 'Department of Labor', id: 'us-olms', remit: ['labour'] },
  {
    src: 'Employment and Training Administration',
    under: 'Department of Labor',
    id: 'us-eta',
    remit: ['labour'],
    domain: 'doleta.gov',
  },
  {
    src: 'Bureau of International Labor Affairs',
    under: 'Department of Labor',
    id: 'us-ilab',
    remit: ['labour', 'trade'],
  },
  {
    src: 'Bureau of Labor Statistics',
    under: 'Department of Labor',
    id: 'us-bls',
    remit: ['statistics', 'labour'],
    domain: 'bls.gov',
    acronym: 'BLS',
  },

  // Transportation
  {
    src: 'Federal Aviation Administration',
    under: 'Department of Transportation',
    id: 'us-faa',
    remit: ['transport'],
    domain: 'faa.gov',
    acronym: 'FAA',
  },
  {
    src: 'National Highway Traffic Safety Administration',
    under: 'Department of Transportation',
    id: 'us-nhtsa',
    remit: ['transport', 'consumer'],
    domain: 'nhtsa.gov',
    acronym: 'NHTSA',
  },
  {
    src: 'Federal Motor Carrier Safety Administration',
    under: 'Department of Transportation',
    id: 'us-fmcsa',
    remit: ['transport'],
  },
  { src: 'Federal Railroad Administration', under: 'Department of Transportation', id: 'us-fra', remit: ['transport'] },
  { src: 'Federal Transit Administration', under: 'Department of Transportation', id: 'us-fta', remit: ['transport'] },
  { src: 'Federal Highway Administration', under: 'Department of Transportation', id: 'us-fhwa', remit: ['transport'] },
  { src: 'Maritime Administration', under: 'Department of Transportation', id: 'us-marad', remit: ['transport'] },
  {
    src: 'Pipeline and Hazardous Materials Safety Administration',
    under: 'Department of Transportation',
    id: 'us-phmsa',
    remit: ['transport', 'energy'],
  },
  {
    src: 'U.S. Department of Transportation Office of Aviation Consumer Protection',
    under: 'Department of Transportation',
    id: 'us-dot-oacp',
    remit: ['consumer', 'transport'],
    domain: 'flightrights.gov',
    name: 'Office of Aviation Consumer Protection',
  },

  // Energy
  {
    src: 'National Nuclear Security Administration',
    under: 'Department of Energy',
    id: 'us-nnsa',
    remit: ['energy', 'defence', 'national-security'],
  },
  {
    src: 'Energy Information Administration',
    under: 'Department of Energy',
    id: 'us-eia',
    remit: ['energy', 'statistics'],
    domain: 'eia.gov',
    acronym: 'EIA',
    name: 'U.S. Energy Information Administration',
  },

  // Interior
  {
    src: 'Bureau of Land Management',
    under: 'Department of the Interior',
    id: 'us-blm',
    remit: ['environment', 'energy'],
    domain: 'blm.gov',
    acronym: 'BLM',
  },
  {
    src: 'Bureau of Ocean Energy Management',
    under: 'Department of the Interior',
    id: 'us-boem',
    remit: ['energy', 'environment'],
    domain: 'boem.gov',
    acronym: 'BOEM',
  },
  {
    src: 'Bureau of Safety and Environmental Enforcement',
    under: 'Department of the Interior',
    id: 'us-bsee',
    remit: ['energy', 'environment'],
    domain: 'bsee.gov',
    acronym: 'BSEE',
  },
  {
    src: 'Office of Surface Mining Reclamation and Enforcement',
    under: 'Department of the Interior',
    id: 'us-osmre',
    remit: ['environment', 'energy'],
    domain: 'osmre.gov',
    acronym: 'OSMRE',
  },
  {
    src: 'United States Fish and Wildlife Service',
    under: 'Department of the Interior',
    id: 'us-fws',
    remit: ['environment'],
    domain: 'fws.gov',
    name: 'U.S. Fish and Wildlife Service',
  },
  {
    src: 'National Indian Gaming Commission',
    under: 'Department of the Interior',
    id: 'us-nigc',
    remit: ['general'],
    domain: 'nigc.gov',
    acronym: 'NIGC',
  },
  {
    src: 'National Park Service',
    under: 'Department of the Interior',
    id: 'us-nps',
    remit: ['environment'],
    domain: 'nps.gov',
    acronym: 'NPS',
  },
  {
    src: 'United States Geological Survey',
    under: 'Department of the Interior',
    id: 'us-usgs',
    remit: ['science-technology', 'environment'],
    domain: 'usgs.gov',
    acronym: 'USGS',
    name: 'U.S. Geological Survey',
  },
  {
    src: 'Bureau of Indian Affairs',
    under: 'Department of the Interior',
    id: 'us-bia',
    remit: ['general'],
    domain: 'bia.gov',
    acronym: 'BIA',
  },

  // Agriculture
  {
    src: 'Food Safety and Inspection Service',
    under: 'Department of Agriculture',
    id: 'us-fsis',
    remit: ['health', 'consumer'],
  },
  {
    src: 'Animal and Plant Health Inspection Service',
    under: 'Department of Agriculture',
    id: 'us-aphis',
    remit: ['health', 'trade'],
  },
  {
    src: 'Agricultural Marketing Service',
    under: 'Department of Agriculture',
    id: 'us-ams',
    remit: ['market-regulation', 'standards'],
  },
  { src: 'Risk Management Agency', under: 'Department of Agriculture', id: 'us-rma', remit: ['insurance'] },
  {
    src: 'Forest Service',
    under: 'Department of Agriculture',
    id: 'us-forest-service',
    remit: ['environment'],
    name: 'U.S. Forest Service',
  },
  { src: 'Foreign Agricultural Service', under: 'Department of Agriculture', id: 'us-fas', remit: ['trade'] },

  // Other departments' bureaus
  {
    src: 'National Security Agency',
    under: 'Department of Defense',
    id: 'us-nsa',
    remit: ['national-security', 'cyber-data'],
    domain: 'nsa.gov',
    acronym: 'NSA',
  },
  {
    src: 'Bureau of Political and Military Affairs',
    under: 'Department of State',
    id: 'us-state-pm',
    remit: ['export-control', 'defence'],
  },
  {
    src: 'Bureau of Diplomatic Security',
    under: 'Department of State',
    id: 'us-state-ds',
    remit: ['public-security', 'foreign-affairs'],
  },
  { src: 'Bureau of Consular Affairs', under: 'Department of State', id: 'us-state-ca', remit: ['foreign-affairs'] },
  {
    src: 'Office of Federal Student Aid',
    under: 'Department of Education',
    id: 'us-fsa',
    remit: ['education', 'finance'],
    domain: 'studentaid.gov',
  },
  {
    src: 'Government National Mortgage Association',
    under: 'Department of Housing and Urban Development',
    id: 'us-ginnie-mae',
    remit: ['finance'],
    domain: 'ginniemae.gov',
  },
  {
    src: 'Fair Housing and Equal Opportunity',
    under: 'Department of Housing and Urban Development',
    id: 'us-hud-fheo',
    remit: ['consumer'],
    name: 'Office of Fair Housing and Equal Opportunity',
  },
];

const REMIT_WORDS: Partial<Record<Remit, string>> = {
  'cyber-data': 'cybersecurity and data',
  'central-bank': 'central banking',
  'accounting-audit': 'accounting and audit',
  'export-control': 'export controls',
  'investment-screening': 'investment screening',
  'intellectual-property': 'intellectual property',
  'market-regulation': 'market regulation',
  'public-security': 'public security and law enforcement',
  'national-security': 'national security',
  'science-technology': 'science and technology',
  'foreign-affairs': 'foreign affairs',
  'state-assets': 'state assets',
  defence: 'defence',
  legislature: 'lawmaking',
  executive: 'executive government',
  general: 'government administration',
};

export function remitPhrase(remit: readonly Remit[]): string {
  const words = remit.map((r) => REMIT_WORDS[r] ?? r.replace(/-/g, ' '));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function kindOf(name: string): string {
  if (/^(U\.S\. )?Department\b/.test(name)) return 'executive department';
  if (/Court\b/.test(name)) return 'court';
  if (/\b(Senate|House of Representatives)\b/.test(name)) return 'chamber of Congress';
  if (/Commission\b/.test(name)) return 'commission';
  if (/\bBoard\b/.test(name)) return 'board';
  if (/\bCouncil\b/.test(name)) return 'council';
  if (/\bDivision\b/.test(name)) return 'division';
  if (/\bBureau\b/.test(name)) return 'bureau';
  if (/\bOffice\b/.test(name)) return 'office';
  return 'agency';
}

interface Listing {
  org: string;
  sub: string;
  domains: string[];
  /** Where found: 'federal' (current-federal.csv) or 'agencies' (agencies-and-subs.csv). */
  from: 'federal' | 'agencies';
}

/** Builds the US federal regulator records from the two registry files. */
export function importDotgov(
  federalCsv: string,
  agenciesCsv: string,
  bodies: readonly BodySpec[] = US_BODIES,
  files = { federal: DOTGOV_FEDERAL_FILE, agencies: DOTGOV_AGENCIES_FILE },
): EntityRecord[] {
  const listings = new Map<string, Listing>();
  const orgDomains = new Map<string, Set<string>>();
  const key = (org: string, sub: string) => `${org}\u0000${sub}`;
  for (const { row, values: v } of parseCsv(federalCsv, files.federal, [
    'Domain name',
    'Organization name',
    'Suborganization name',
  ])) {
    const domain = v['Domain name']!.toLowerCase();
    const org = v['Organization name']!;
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.gov$/.test(domain))
      throw new ImportError(files.federal, row, `bad domain "${domain}"`);
    if (!org) throw new ImportError(files.federal, row, 'empty Organization name');
    const sub = v['Suborganization name']!;
    const k = key(org, sub === org ? '' : sub);
    const l = listings.get(k) ?? { org, sub: sub === org ? '' : sub, domains: [], from: 'federal' as const };
    l.domains.push(domain);
    listings.set(k, l);
    if (!orgDomains.has(org)) orgDomains.set(org, new Set());
    orgDomains.get(org)!.add(domain);
    if (!listings.has(key(org, ''))) listings.set(key(org, ''), { org, sub: '', domains: [], from: 'federal' });
  }
  for (const { row, values: v } of parseCsv(agenciesCsv, files.agencies, ['Agency', 'Bureau'])) {
    const org = v.Agency!.replace(/\s+/g, ' ').trim();
    const sub = v
      .Bureau!.replace(/[\s,]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!org) throw new ImportError(files.agencies, row, 'empty Agency');
    for (const k of [key(org, sub === org ? '' : sub), key(org, '')])
      if (!listings.has(k)) {
        const [o, s] = k.split('\u0000') as [string, string];
        listings.set(k, { org: o, sub: s, domains: [], from: 'agencies' });
      }
  }

  const ids = new Map(bodies.map((b) => [b.under ? key(b.under, b.src) : key(b.src, ''), b.id]));
  const records: EntityRecord[] = [];
  for (const b of bodies) {
    const listing = listings.get(b.under ? key(b.under, b.src) : key(b.src, ''));
    if (!listing)
      throw new ImportError(
        `${files.federal} / ${files.agencies}`,
        undefined,
        `allow-listed body "${b.src}"${b.under ? ` under "${b.under}"` : ''} is not in the registry`,
      );
    const org = b.under ?? b.src;
    if (b.domain && !orgDomains.get(org)?.has(b.domain))
      throw new ImportError(files.federal, undefined, `domain ${b.domain} is not listed for "${org}"`);
    if (b.acronym && !orgDomains.get(org)?.has(`${b.acronym.toLowerCase()}.gov`) && !b.src.includes(`(${b.acronym})`))
      throw new ImportError(
        files.federal,
        undefined,
        `acronym ${b.acronym} of "${b.src}" has no matching domain under "${org}"`,
      );
    const name = b.name ?? b.src;
    const aliases: AliasInput[] = [];
    if (name !== b.src && !/[(,/]/.test(b.src) && !/^U\.S\. Department of /.test(b.src)) aliases.push(b.src);
    if (b.acronym) aliases.push({ text: b.acronym, acronym: true });
    const parentId = b.under ? ids.get(key(b.under, '')) : undefined;
    const parentRecordName = parentId ? (bodies.find((x) => x.id === parentId)?.name ?? b.under) : b.under;
    const description =
      (listing.from === 'agencies'
        ? `A US ${kindOf(name)} on the federal agency list of the .gov registry`
        : `A US federal ${kindOf(name)}`) +
      (b.under ? ` within the ${parentRecordName!.replace(/^U\.S\. /, 'U.S. ')}` : '') +
      `, working on ${remitPhrase(b.remit)}.`;
    const sources = [listing.from === 'agencies' ? AGENCIES_URL : DOTGOV_URL];
    records.push({
      id: b.id,
      type: 'regulator',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'US',
      description,
      regulator: {
        ...(parentId ? { parent: parentId } : b.under ? { parentName: b.under } : {}),
        remit: [...b.remit],
        ...(b.domain ? { website: `https://www.${b.domain}/` } : {}),
      },
      sources,
      asOf: DOTGOV_AS_OF,
    });
  }
  return records;
}
