namespace Monitoring.Etl.Contract;

/// <summary>
/// The CMIS export contract v1 (shared/contract/cmis-export-v1.md) as data: every file, column,
/// key, reference and cross-column rule. Validation SQL is generated from this, so a rule lives
/// in one place. Files are listed in dependency order: a file's references point only to files
/// above it, which lets references be checked against rows that already passed validation.
/// In <see cref="RowRule.BreachSql"/>, <c>@name</c> stands for the typed value of a column.
/// </summary>
public static class ExportContract
{
    public const string Version = "1";

    /// <summary>
    /// The programme's first day (REI, 1 January 2018): no application, payment, case or event
    /// can be older. Dates before it are quarantined (date_before_programme).
    /// </summary>
    public static readonly DateOnly ProgrammeStart = new(2018, 1, 1);

    /// <summary>Years after the reference date a planned end may lie before it is implausible (date_far_after_reference_date).</summary>
    public const int PlannedEndYears = 10;

    /// <summary>Dates that may predate the programme (memberships, hirings) but not the last century.</summary>
    static readonly DateOnly SetupEarliest = new(1990, 1, 1);

    /// <summary>Birth dates: no one alive was born before this.</summary>
    static readonly DateOnly BirthEarliest = new(1900, 1, 1);

    static readonly string[] Roles = ["case_manager", "coordinator", "admin"];
    static readonly string[] Measures = ["REI", "RDC", "ADI", "SFL"];
    static readonly string[] Pathways = ["social_services", "employment_services", "exempt"];
    static readonly string[] HouseholdStatuses = ["applied", "rejected", "active", "suspended", "revoked", "ended"];
    static readonly string[] Sexes = ["F", "M"];
    static readonly string[] Citizenships = ["IT", "EU", "NON_EU"];
    static readonly string[] Relationships = ["applicant", "partner", "child", "other"];
    static readonly string[] ClosureReasons = ["goals_achieved", "employment", "benefit_ended", "moved", "no_contact", "other"];
    static readonly string[] ReferralOutcomes = ["pending", "served", "refused", "no_capacity"];

    public static readonly string[] EventTypes =
        ["assigned", "convocation", "first_meeting", "preassessment_completed", "assessment_completed",
         "plan_signed", "monitoring_meeting", "closed"];

    /// <summary>Outcome lists per event type; types not listed carry no outcome list.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> EventOutcomes = new Dictionary<string, string[]>
    {
        ["first_meeting"] = ["held", "no_show"],
        ["preassessment_completed"] = ["simple", "complex", "employment"],
    };

    static RowRule EndBeforeStart(string end, string start) =>
        new(end, "end_before_start", $"@{end} < @{start}");

    static RowRule CountAboveMembers(string column) =>
        new(column, "inconsistent_counts", $"@{column} > @members");

    public static readonly FileSpec Ambiti = new("ambiti.csv", ["ats_code"],
        [
            new("ats_code", ColumnType.Code, Required: true),
            new("ats_name", ColumnType.Text, Required: true),
            new("region_code", ColumnType.Code, Required: true),
        ],
        [new("region_code", "istat_region", "unknown_region")],
        []);

    public static readonly FileSpec AmbitoComuni = new("ambito_comuni.csv", ["ats_code", "municipality_code", "valid_from"],
        [
            new("ats_code", ColumnType.Code, Required: true),
            new("municipality_code", ColumnType.Code, Required: true),
            new("valid_from", ColumnType.Date, Required: true, Earliest: SetupEarliest),
            new("valid_to", ColumnType.Date, PlannedEnd: true, Earliest: SetupEarliest),
        ],
        [new("ats_code", "ambiti.csv", "unknown_ats"), new("municipality_code", "istat", "unknown_municipality")],
        [EndBeforeStart("valid_to", "valid_from")]);

    public static readonly FileSpec Operators = new("operators.csv", ["operator_id"],
        [
            new("operator_id", ColumnType.Code, Required: true, PseudonymDomain: "operator"),
            new("fiscal_code", ColumnType.FiscalCode, Required: true, Personal: true),
            new("first_name", ColumnType.Text, Personal: true),
            new("last_name", ColumnType.Text, Personal: true),
            new("email", ColumnType.Text, Personal: true),
            new("role", ColumnType.Code, Required: true, Allowed: Roles),
            new("ats_code", ColumnType.Code, Required: true),
            new("active_from", ColumnType.Date, Required: true, Earliest: SetupEarliest),
            new("active_to", ColumnType.Date, PlannedEnd: true, Earliest: SetupEarliest),
            new("weekly_hours", ColumnType.Decimal, NonNegative: true),
        ],
        [new("ats_code", "ambiti.csv", "unknown_ats")],
        [EndBeforeStart("active_to", "active_from")]);

    public static readonly FileSpec Households = new("households.csv", ["household_id"],
        [
            new("household_id", ColumnType.Code, Required: true, PseudonymDomain: "household"),
            new("applicant_fiscal_code", ColumnType.FiscalCode, Required: true, Personal: true, PseudonymDomain: "fiscal_code"),
            new("municipality_code", ColumnType.Code, Required: true),
            new("address", ColumnType.Text, Personal: true),
            new("members", ColumnType.Integer, Required: true, Min: 1),
            new("minors", ColumnType.Integer, NonNegative: true),
            new("members_over_60", ColumnType.Integer, NonNegative: true),
            new("members_disabled", ColumnType.Integer, NonNegative: true),
            new("isee_eur", ColumnType.Decimal, NonNegative: true, Precision: 12),
            new("measure", ColumnType.Code, Required: true, Allowed: Measures),
            new("application_date", ColumnType.Date, Required: true),
            new("benefit_start_date", ColumnType.Date),
            new("benefit_end_date", ColumnType.Date, PlannedEnd: true),
            new("pathway", ColumnType.Code, Allowed: Pathways),
            new("status", ColumnType.Code, Required: true, Allowed: HouseholdStatuses),
        ],
        [new("municipality_code", "istat", "unknown_municipality")],
        [
            CountAboveMembers("minors"), CountAboveMembers("members_over_60"), CountAboveMembers("members_disabled"),
            EndBeforeStart("benefit_end_date", "benefit_start_date"),
        ]);

    public static readonly FileSpec Persons = new("persons.csv", ["person_id"],
        [
            new("person_id", ColumnType.Code, Required: true, PseudonymDomain: "person"),
            new("household_id", ColumnType.Code, Required: true, PseudonymDomain: "household"),
            new("fiscal_code", ColumnType.FiscalCode, Required: true, Personal: true, PseudonymDomain: "fiscal_code"),
            new("first_name", ColumnType.Text, Personal: true),
            new("last_name", ColumnType.Text, Personal: true),
            new("birth_date", ColumnType.Date, Required: true, Personal: true, Earliest: BirthEarliest),
            new("sex", ColumnType.Code, Required: true, Allowed: Sexes),
            new("citizenship", ColumnType.Code, Allowed: Citizenships),
            new("relationship", ColumnType.Code, Allowed: Relationships),
            new("labour_activable", ColumnType.Boolean),
        ],
        [new("household_id", "households.csv", "unknown_household")],
        []);

    public static readonly FileSpec Cases = new("cases.csv", ["case_id"],
        [
            new("case_id", ColumnType.Code, Required: true, PseudonymDomain: "case"),
            new("household_id", ColumnType.Code, Required: true, PseudonymDomain: "household"),
            new("ats_code", ColumnType.Code, Required: true),
            new("case_manager_id", ColumnType.Code, PseudonymDomain: "operator"),
            new("opened_date", ColumnType.Date, Required: true),
            new("closed_date", ColumnType.Date),
            new("closure_reason", ColumnType.Code, Allowed: ClosureReasons),
            new("notes", ColumnType.Text, Personal: true),
        ],
        [
            new("household_id", "households.csv", "unknown_household"),
            new("ats_code", "ambiti.csv", "unknown_ats"),
            new("case_manager_id", "operators.csv", "unknown_operator"),
        ],
        [
            EndBeforeStart("closed_date", "opened_date"),
            new("closure_reason", "required_when_closed", "@closed_date IS NOT NULL AND closure_reason IS NULL"),
        ]);

    public static readonly FileSpec CaseEvents = new("case_events.csv", ["event_id"],
        [
            new("event_id", ColumnType.Code, Required: true),
            new("case_id", ColumnType.Code, Required: true, PseudonymDomain: "case"),
            new("event_type", ColumnType.Code, Required: true, Allowed: EventTypes),
            new("event_date", ColumnType.Date, Required: true),
            new("operator_id", ColumnType.Code, PseudonymDomain: "operator"),
            new("outcome", ColumnType.Code),
            new("notes", ColumnType.Text, Personal: true),
        ],
        [
            new("case_id", "cases.csv", "unknown_case"),
            new("operator_id", "operators.csv", "unknown_operator"),
        ],
        [
            new("outcome", "not_in_list", string.Join(" OR ", EventOutcomes.Select(kv =>
                $"(event_type = '{kv.Key}' AND outcome IS NOT NULL AND outcome NOT IN ({string.Join(", ", kv.Value.Select(v => $"'{v}'"))}))"))),
        ],
        MonthPartitionColumn: "event_date");

    public static readonly FileSpec Referrals = new("referrals.csv", ["referral_id"],
        [
            new("referral_id", ColumnType.Code, Required: true),
            new("case_id", ColumnType.Code, Required: true, PseudonymDomain: "case"),
            new("service_type", ColumnType.Code, Required: true),
            new("sent_date", ColumnType.Date, Required: true),
            new("outcome", ColumnType.Code, Allowed: ReferralOutcomes),
            new("outcome_date", ColumnType.Date),
        ],
        [new("case_id", "cases.csv", "unknown_case")],
        [EndBeforeStart("outcome_date", "sent_date")]);

    public static readonly FileSpec Payments = new("payments.csv", ["household_id", "period"],
        [
            new("household_id", ColumnType.Code, Required: true, PseudonymDomain: "household"),
            new("period", ColumnType.Month, Required: true),
            new("amount_eur", ColumnType.Decimal, Required: true, NonNegative: true, Precision: 12),
            new("paid_date", ColumnType.Date, Required: true),
        ],
        [new("household_id", "households.csv", "unknown_household")],
        [],
        MonthPartitionColumn: "period");

    public static readonly FileSpec Budget = new("budget.csv", ["ats_code", "year", "fund"],
        [
            new("ats_code", ColumnType.Code, Required: true),
            new("year", ColumnType.Integer, Required: true, Min: 1990),
            new("fund", ColumnType.Code, Required: true),
            new("allocated_eur", ColumnType.Decimal, Required: true, NonNegative: true, Precision: 14),
            new("committed_eur", ColumnType.Decimal, NonNegative: true, Precision: 14),
            new("spent_eur", ColumnType.Decimal, NonNegative: true, Precision: 14),
        ],
        [new("ats_code", "ambiti.csv", "unknown_ats")],
        []);

    /// <summary>All files, in dependency order.</summary>
    public static readonly FileSpec[] Files =
        [Ambiti, AmbitoComuni, Operators, Households, Persons, Cases, CaseEvents, Referrals, Payments, Budget];

    public static FileSpec? Find(string fileName) => Files.FirstOrDefault(f => f.FileName == fileName);
}
