using DuckDB.NET.Data;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>
/// A tiny hand-made export, loaded straight into the stg_* tables with the exact columns of
/// docs/ARCHITECTURE.md. Every expected number in the indicator tests is worked out by hand from
/// the rows below (the comments in each test show the arithmetic).
///
/// Months 2025-01 .. 2025-05 (earliest application 2025-01-03, reference date 2025-05-15).
/// Regions 01 (ATS A1 = ATS-01-001, A2 = ATS-01-002) and 02 (B1 = ATS-02-001, no case manager ever).
/// Municipality 001002 (2,000 residents) moves from A1 to A2 on 2025-03-01.
/// </summary>
public static class HandFixture
{
    public const string A1 = "ATS-01-001";
    public const string A2 = "ATS-01-002";
    public const string B1 = "ATS-02-001";

    public static readonly string[] Months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"];

    public static void CreateStaging(DuckDBConnection c)
    {
        Db.Exec(c, """
            create table stg_ambiti (ats_code varchar, ats_name varchar, region_code varchar);
            create table stg_ambito_comuni (ats_code varchar, municipality_code varchar, valid_from date, valid_to date);
            create table stg_operators (operator_key varchar, role varchar, ats_code varchar, active_from date, active_to date, weekly_hours double);
            create table stg_households (household_key varchar, applicant_key varchar, municipality_code varchar, members int, minors int,
                members_over_60 int, members_disabled int, isee_eur decimal(12,2), measure varchar, application_date date,
                benefit_start_date date, benefit_end_date date, pathway varchar, status varchar);
            create table stg_persons (person_key varchar, household_key varchar, fiscal_code_key varchar, birth_year int, sex varchar,
                citizenship varchar, relationship varchar, labour_activable boolean);
            create table stg_cases (case_key varchar, household_key varchar, ats_code varchar, case_manager_key varchar,
                opened_date date, closed_date date, closure_reason varchar);
            create table stg_case_events (event_id varchar, case_key varchar, event_type varchar, event_date date,
                operator_key varchar, outcome varchar, month varchar);
            create table stg_referrals (referral_id varchar, case_key varchar, service_type varchar, sent_date date,
                outcome varchar, outcome_date date);
            create table stg_payments (household_key varchar, period varchar, amount_eur decimal(12,2), paid_date date);
            create table stg_budget (ats_code varchar, year int, fund varchar, allocated_eur decimal(14,2),
                committed_eur decimal(14,2), spent_eur decimal(14,2));
            create table ref_municipalities (municipality_code varchar, municipality_name varchar, province_code varchar,
                province_name varchar, province_abbr varchar, region_code varchar, region_name varchar, population_2011 int);
            create table run_meta (run_id varchar, export_id varchar, kind varchar, extracted_at timestamp, reference_date date,
                first_month varchar, last_month varchar, built_at timestamp);
            """);

        Db.Exec(c, """
            insert into stg_ambiti values
                ('ATS-01-001', 'Ambito Uno', '01'),
                ('ATS-01-002', 'Ambito Due', '01'),
                ('ATS-02-001', 'Ambito Tre', '02');

            insert into ref_municipalities values
                ('001001', 'Comune A', '001', 'Provincia A', 'PA', '01', 'Piemonte', 1000),
                ('001002', 'Comune B', '001', 'Provincia A', 'PA', '01', 'Piemonte', 2000),
                ('001003', 'Comune C', '001', 'Provincia A', 'PA', '01', 'Piemonte', 3000),
                ('002001', 'Comune D', '002', 'Provincia D', 'PD', '02', 'Valle d''Aosta', 500);

            -- 001002 moves from A1 to A2 on 2025-03-01
            insert into stg_ambito_comuni values
                ('ATS-01-001', '001001', '2020-01-01', null),
                ('ATS-01-001', '001002', '2020-01-01', '2025-02-28'),
                ('ATS-01-002', '001002', '2025-03-01', null),
                ('ATS-01-002', '001003', '2020-01-01', null),
                ('ATS-02-001', '002001', '2020-01-01', null);

            insert into stg_operators values
                ('op_a1a',   'case_manager', 'ATS-01-001', '2024-06-01', null,         36),   -- all months, 1.0 FTE
                ('op_a1b',   'case_manager', 'ATS-01-001', '2025-02-15', '2025-03-10', 18),   -- part of Feb and of Mar, 0.5 FTE
                ('op_a2a',   'case_manager', 'ATS-01-002', '2024-01-01', null,         null), -- all months, null hours = 1.0 FTE
                ('op_a2b',   'case_manager', 'ATS-01-002', '2024-01-01', '2024-12-31', 36),   -- left before the range
                ('op_a2c',   'case_manager', 'ATS-01-002', '2025-05-31', null,         24),   -- only the last day of May, 2/3 FTE
                ('coord_a2', 'coordinator',  'ATS-01-002', '2024-01-01', null,         36);   -- not a case manager

            insert into stg_households values
                ('hh1', 'ap1', '001001', 3, 1, 0, 0, 5000.00, 'ADI', '2025-01-03', '2025-01-15', null, 'social_services', 'active'),
                ('hh2', 'ap2', '001002', 2, 0, 1, 0, 3000.00, 'ADI', '2025-01-20', '2025-02-01', null, 'social_services', 'active'),
                ('hh3', 'ap3', '001003', 1, 0, 0, 1, 2000.00, 'ADI', '2025-02-01', '2025-02-15', null, 'social_services', 'active'),
                ('hh4', 'ap4', '002001', 4, 2, 0, 0, 1000.00, 'ADI', '2025-01-15', '2025-01-20', null, 'social_services', 'active'),
                ('hh5', 'ap5', '001003', 2, 1, 0, 0, 4000.00, 'ADI', '2025-02-10', null,         null, 'social_services', 'applied');

            insert into stg_persons values
                ('p1', 'hh1', 'fc1', 1980, 'F', 'IT', 'applicant', true),
                ('p2', 'hh2', 'fc2', 1950, 'M', 'IT', 'applicant', false);

            insert into stg_cases values
                ('c1', 'hh1', 'ATS-01-001', 'op_a1a', '2025-01-05', null,         null),
                ('c2', 'hh2', 'ATS-01-001', 'op_a1a', '2025-01-15', '2025-04-30', 'goals_achieved'),
                ('c3', 'hh1', 'ATS-01-001', 'op_a1b', '2025-02-20', '2025-02-28', 'moved'),
                ('c4', 'hh3', 'ATS-01-002', 'op_a2a', '2025-01-10', null,         null),
                ('c5', 'hh5', 'ATS-01-002', 'op_a2a', '2025-03-05', '2025-04-30', 'employment'),
                ('c6', 'hh4', 'ATS-02-001', null,     '2025-01-20', '2025-05-10', 'no_contact'),
                ('c7', 'hh5', 'ATS-01-002', 'op_a2a', '2025-01-31', '2025-01-31', 'other');

            insert into stg_case_events (event_id, case_key, event_type, event_date, operator_key, outcome) values
                ('e01', 'c1', 'assigned',                '2025-01-05', 'op_a1a', null),
                ('e02', 'c1', 'convocation',             '2025-01-20', 'op_a1a', null),
                ('e03', 'c1', 'first_meeting',           '2025-01-25', 'op_a1a', 'no_show'),
                ('e04', 'c1', 'first_meeting',           '2025-02-03', 'op_a1a', 'held'),
                ('e05', 'c1', 'preassessment_completed', '2025-02-03', 'op_a1a', 'simple'),
                ('e06', 'c1', 'plan_signed',             '2025-03-01', 'op_a1a', null),
                ('e07', 'c1', 'monitoring_meeting',      '2025-04-10', 'op_a1b', null),
                ('e08', 'c2', 'convocation',             '2025-02-20', 'op_a1a', null),
                ('e09', 'c2', 'first_meeting',           '2025-02-25', 'op_a1a', 'held'),
                ('e10', 'c2', 'preassessment_completed', '2025-02-25', null,     'complex'),
                ('e11', 'c2', 'assessment_completed',    '2025-03-10', 'op_a1b', null),
                ('e12', 'c2', 'plan_signed',             '2025-04-20', 'op_a1a', null),
                ('e13', 'c2', 'closed',                  '2025-04-30', 'op_a1a', null),
                ('e14', 'c3', 'convocation',             '2025-02-25', 'op_a1b', null),
                ('e15', 'c3', 'closed',                  '2025-02-28', 'op_a1b', null),
                ('e16', 'c4', 'convocation',             '2025-02-09', 'op_a2a', null),
                ('e17', 'c4', 'first_meeting',           '2025-02-14', 'op_a2a', 'held'),
                ('e18', 'c4', 'preassessment_completed', '2025-02-14', 'op_a2a', 'complex'),
                ('e19', 'c4', 'plan_signed',             '2025-04-10', 'op_a2a', null),
                ('e20', 'c4', 'monitoring_meeting',      '2025-05-05', 'op_a2a', null),
                ('e21', 'c5', 'convocation',             '2025-04-05', 'op_a2a', null),
                ('e22', 'c5', 'first_meeting',           '2025-04-08', 'op_a2a', 'held'),
                ('e23', 'c5', 'closed',                  '2025-04-30', 'op_a2a', null),
                ('e24', 'c6', 'convocation',             '2025-01-22', null,     null),
                ('e25', 'c6', 'first_meeting',           '2025-02-01', null,     'held'),
                ('e26', 'c6', 'preassessment_completed', '2025-02-01', null,     'simple'),
                ('e27', 'c6', 'closed',                  '2025-05-10', null,     null);
            update stg_case_events set month = strftime(event_date, '%Y-%m');

            insert into stg_referrals values
                ('r1', 'c1', 'housing',       '2025-01-20', 'served',      '2025-02-10'),
                ('r2', 'c1', 'training',      '2025-02-01', 'refused',     '2025-02-20'),
                ('r3', 'c2', 'childcare',     '2025-02-01', 'pending',     null),
                ('r4', 'c4', 'mental_health', '2025-02-15', 'no_capacity', '2025-03-01'),
                ('r5', 'c4', 'legal',         '2025-03-01', 'served',      '2025-03-20'),
                ('r6', 'c6', 'other',         '2025-02-02', 'served',      '2025-05-02'),
                ('r7', 'c5', 'housing',       '2025-03-10', 'pending',     '2025-04-01');

            insert into stg_payments values
                ('hh1', '2025-01', 100.00, '2025-01-27'),
                ('hh1', '2025-02', 100.00, '2025-02-27'),
                ('hh1', '2025-03', 120.00, '2025-03-27'),
                ('hh2', '2025-01', 200.00, '2025-01-27'),
                ('hh2', '2025-02', 200.00, '2025-02-27'),
                ('hh2', '2025-03', 200.00, '2025-03-27'),
                ('hh2', '2025-04', 200.00, '2025-04-27'),
                ('hh3', '2025-02', 300.00, '2025-02-27'),
                ('hh4', '2025-01',  50.00, '2025-01-27');

            insert into stg_budget values
                ('ATS-01-001', 2025, 'fondo_poverta_quota_servizi', 1000.00, 500.00, 250.00),
                ('ATS-01-001', 2025, 'pon_inclusione',              1000.00, null,   null),
                ('ATS-01-002', 2025, 'fondo_poverta_quota_servizi',  500.00, 500.00, 500.00),
                ('ATS-01-002', 2024, 'fondo_poverta_quota_servizi',  100.00, 100.00, 100.00);

            insert into run_meta values
                ('20250516T020000Z-abcdef', 'gepi-test', 'full', '2025-05-16 02:00:00', '2025-05-15', '2025-01', '2025-05', '2025-05-16 02:05:00');
            """);
    }

    /// <summary>Creates the warehouse file with the staging tables; the caller builds and disposes.</summary>
    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        CreateStaging(connection);
        return connection;
    }
}
