using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Etl.Contract;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// A small, valid CMIS export written by hand as literal CSV text, so every count a test asserts can
/// be counted by eye here: 2 ATS in Piedmont (region 01) over 4 real ISTAT municipalities, 5 operators,
/// 6 households, 12 persons, 4 cases, 10 events, 3 referrals, 20 payments, 3 budget lines.
/// A test adds, replaces or removes records, or replaces a file's whole text, then <see cref="Write"/>s
/// the folder with a manifest whose rows and sha256 are right unless deliberately overridden.
/// </summary>
public sealed class FixtureExport
{
    public const string ReferenceDateText = "2026-10-31";

    /// <summary>Hand-counted data rows of the valid fixture, per file.</summary>
    public static readonly IReadOnlyDictionary<string, int> ValidRows = new Dictionary<string, int>
    {
        ["ambiti.csv"] = 2, ["ambito_comuni.csv"] = 4, ["operators.csv"] = 5, ["households.csv"] = 6,
        ["persons.csv"] = 12, ["cases.csv"] = 4, ["case_events.csv"] = 10, ["referrals.csv"] = 3,
        ["payments.csv"] = 20, ["budget.csv"] = 3,
    };

    /// <summary>One file: header, records (a record may span lines when quoted), and how it is written.</summary>
    public sealed class CsvFile(string header, IEnumerable<string> records)
    {
        public string Header { get; set; } = header;
        public List<string> Records { get; } = records.ToList();
        public bool ByteOrderMark { get; set; }
        /// <summary>When set, the text is written in this encoding, with its byte-order mark (e.g. UTF-16).</summary>
        public Encoding? Encoding { get; set; }
        public string LineEnd { get; set; } = "\n";
        /// <summary>When set, written instead of header + records (the manifest rows must then be given).</summary>
        public string? RawText { get; set; }
        public long? ManifestRows { get; set; }
        public string? ManifestSha256 { get; set; }

        public string Text => RawText ?? Header + LineEnd + string.Concat(Records.Select(r => r + LineEnd));
    }

    public string ExportId { get; set; } = "fixture-2026-11-01T02-00";
    public string Kind { get; set; } = "full";
    public string ReferenceDate { get; set; } = ReferenceDateText;
    public Dictionary<string, CsvFile> Files { get; } = new();

    /// <summary>The check character appended to 15 characters: a valid fiscal code.</summary>
    public static string Cf(string first15) => first15 + FiscalCode.CheckCharacter(first15);

    // Fiscal codes (invented people; valid pattern and check character).
    public static readonly string[] OperatorCf =
    [
        Cf("GLBRSN85M41L219"), Cf("TRVDNC78C12A074"), Cf("PZZLRI70A15L219"), Cf("CRSMLD82E52A109"), Cf("BRGFNC75T07A117"),
    ];

    public static readonly string[] PersonCf =
    [
        Cf("FBBRNL84H55A074"), Cf("MSCGVN80B20A074"), Cf("MSCTMS15R12L219"), Cf("QRNPLA79D48A109"), Cf("SPDGNR77S03A109"),
        Cf("VLLCLD66L09A117"), Cf("CLTMRZ88P61A157"), Cf("BTTSVT12A22L219"),
        // Omocodic: the last digit 6 of the place code replaced by its letter S (accepted by the contract).
        Cf("BTTLND16M45L21S"),
        Cf("DMNCRL60C14A117"), Cf("DMNGLL58E50A117"), Cf("RNZTTR92H08A074"),
    ];

    public static FixtureExport Valid()
    {
        var x = new FixtureExport();
        var o = OperatorCf;
        var p = PersonCf;
        x.Files["ambiti.csv"] = new("ats_code;ats_name;region_code",
        [
            "ATS-01-001;Ambito Canavese Ovest;01",
            "ATS-01-002;Ambito Valli di Lanzo;01",
        ]);
        x.Files["ambito_comuni.csv"] = new("ats_code;municipality_code;valid_from;valid_to",
        [
            "ATS-01-001;001001;2019-01-01;",
            "ATS-01-001;001002;2019-01-01;2028-12-31", // a planned end after the reference date
            "ATS-01-002;001003;2019-01-01;",
            "ATS-01-002;001004;2019-01-01;",
        ]);
        x.Files["operators.csv"] = new("operator_id;fiscal_code;first_name;last_name;email;role;ats_code;active_from;active_to;weekly_hours",
        [
            $"OP-0001;{o[0]};Rosina;Gualberti;rosina.gualberti@canavese.example.it;case_manager;ATS-01-001;2023-01-09;;36",
            $"OP-0002;{o[1]};Domenico;Trevisanello;d.trevisanello@canavese.example.it;case_manager;ATS-01-001;2023-03-01;2027-12-31;18",
            $"OP-0003;{o[2]};Ilario;Pizzocaro;ilario.pizzocaro@canavese.example.it;coordinator;ATS-01-001;2022-01-10;;36",
            $"OP-0004;{o[3]};Matilde;Carosio;matilde.carosio@vallilanzo.example.it;case_manager;ATS-01-002;2023-01-16;;36",
            $"OP-0005;{o[4]};Fiorenzo;Berguglio;fiorenzo.berguglio@vallilanzo.example.it;admin;ATS-01-002;2022-06-01;;",
        ]);
        x.Files["households.csv"] = new("household_id;applicant_fiscal_code;municipality_code;address;members;minors;members_over_60;members_disabled;isee_eur;measure;application_date;benefit_start_date;benefit_end_date;pathway;status",
        [
            $"H-000001;{p[0]};001001;Via dei Glicini 14;3;1;0;0;5200.00;ADI;2025-01-15;2025-02-01;2027-01-31;social_services;active",
            $"H-000002;{p[3]};001002;Strada Vicinale Boschetto 3;2;0;0;0;3100.50;ADI;2025-02-10;2025-03-01;2026-08-31;social_services;active",
            $"H-000003;{p[5]};001003;Borgata Pianfei 7;1;0;0;0;;ADI;2026-09-20;;;;applied",
            $"H-000004;{p[6]};001004;Via Cascina Rocchetta 22;3;2;0;0;4100.00;ADI;2024-12-01;2025-01-01;2026-06-30;social_services;ended",
            $"H-000005;{p[9]};001003;Frazione Molinetto 5;2;0;1;1;2900.00;ADI;2025-06-01;2025-07-01;2026-12-31;social_services;active",
            $"H-000006;{p[11]};001001;Vicolo del Lavatoio 9;1;0;0;0;8900.00;ADI;2025-05-05;;;exempt;rejected",
        ]);
        x.Files["persons.csv"] = new("person_id;household_id;fiscal_code;first_name;last_name;birth_date;sex;citizenship;relationship;labour_activable",
        [
            $"P-000001;H-000001;{p[0]};Ornella;Fabbricotti;1984-06-15;F;IT;applicant;true",
            $"P-000002;H-000001;{p[1]};Giovanni;Moscatelli;1980-02-20;M;IT;partner;true",
            $"P-000003;H-000001;{p[2]};Tommaso;Moscatelli;2015-10-12;M;IT;child;false",
            $"P-000004;H-000002;{p[3]};Paola;Quaranteni;1979-04-08;F;EU;applicant;true",
            $"P-000005;H-000002;{p[4]};Gennaro;Spadafina;1977-11-03;M;NON_EU;partner;false",
            $"P-000006;H-000003;{p[5]};Claudio;Villanucci;1966-07-09;M;IT;applicant;true",
            $"P-000007;H-000004;{p[6]};Marzia;Coltellini;1988-09-21;F;IT;applicant;true",
            $"P-000008;H-000004;{p[7]};Salvatore;Bottarini;2012-01-22;M;IT;child;false",
            $"P-000009;H-000004;{p[8]};Iolanda;Bottarini;2016-08-05;F;IT;child;false",
            $"P-000010;H-000005;{p[9]};Carlo;Demontis;1960-03-14;M;IT;applicant;false",
            $"P-000011;H-000005;{p[10]};Gisella;Demontis;1958-05-10;F;IT;other;",
            $"P-000012;H-000006;{p[11]};Ettore;Ronzani;1992-06-08;M;IT;applicant;true",
        ]);
        x.Files["cases.csv"] = new("case_id;household_id;ats_code;case_manager_id;opened_date;closed_date;closure_reason;notes",
        [
            "C-000001;H-000001;ATS-01-001;OP-0001;2025-02-15;;;Colloquio con la signora Fabbricotti: chiede un nido per Tommaso",
            "C-000002;H-000002;ATS-01-001;OP-0002;2025-03-20;;;",
            "C-000003;H-000004;ATS-01-002;OP-0004;2025-01-20;2026-06-30;goals_achieved;Percorso concluso con esito positivo per Marzia Coltellini",
            "C-000004;H-000005;ATS-01-002;;2026-09-01;;;",
        ]);
        x.Files["case_events.csv"] = new("event_id;case_id;event_type;event_date;operator_id;outcome;notes",
        [
            "E-0000001;C-000001;assigned;2025-02-15;OP-0003;;",
            "E-0000002;C-000001;convocation;2025-02-25;OP-0001;;",
            "E-0000003;C-000001;first_meeting;2025-03-05;OP-0001;held;Incontro in Via dei Glicini 14 con Ornella Fabbricotti",
            "E-0000004;C-000001;preassessment_completed;2025-03-20;OP-0001;complex;",
            "E-0000005;C-000002;assigned;2025-03-20;OP-0003;;",
            "E-0000006;C-000002;convocation;2025-04-02;OP-0002;;",
            "E-0000007;C-000003;assigned;2025-01-20;OP-0005;;",
            "E-0000008;C-000003;first_meeting;2025-02-10;OP-0004;no_show;",
            "E-0000009;C-000003;closed;2026-06-30;OP-0004;;",
            "E-0000010;C-000004;assigned;2026-09-01;;;",
        ]);
        x.Files["referrals.csv"] = new("referral_id;case_id;service_type;sent_date;outcome;outcome_date",
        [
            "R-00001;C-000001;childcare;2025-04-01;served;2025-05-10",
            "R-00002;C-000001;housing;2025-04-15;pending;",
            "R-00003;C-000003;training;2025-03-01;refused;2025-03-20",
        ]);
        var payments = new List<string>();
        for (var m = 1; m <= 8; m++) payments.Add($"H-000001;2026-{m:00};500.00;2026-{m:00}-27");
        for (var m = 3; m <= 8; m++) payments.Add($"H-000002;2026-{m:00};320.50;2026-{m:00}-27");
        for (var m = 1; m <= 6; m++) payments.Add($"H-000004;2026-{m:00};410.00;2026-{m:00}-27");
        x.Files["payments.csv"] = new("household_id;period;amount_eur;paid_date", payments);
        x.Files["budget.csv"] = new("ats_code;year;fund;allocated_eur;committed_eur;spent_eur",
        [
            "ATS-01-001;2025;fondo_poverta_quota_servizi;250000.00;180000.00;120000.50",
            "ATS-01-001;2026;fondo_poverta_quota_servizi;260000.00;;",
            "ATS-01-002;2025;pon_inclusione;90000.00;45000.00;30000.00",
        ]);
        return x;
    }

    public CsvFile this[string file] => Files[file];

    /// <summary>Appends a record and returns the physical line it starts on (header = line 1).</summary>
    public int Add(string file, string record)
    {
        Files[file].Records.Add(record);
        return LineOf(file, Files[file].Records.Count - 1);
    }

    /// <summary>Replaces the record starting with <paramref name="prefix"/> (e.g. its key and a ';').</summary>
    public void Replace(string file, string prefix, string record)
    {
        var records = Files[file].Records;
        var i = records.FindIndex(r => r.StartsWith(prefix, StringComparison.Ordinal));
        if (i < 0) throw new ArgumentException($"{file}: no record starts with {prefix}");
        records[i] = record;
    }

    /// <summary>The physical line where record <paramref name="index"/> (0-based) starts, counting line breaks inside quoted fields.</summary>
    public int LineOf(string file, int index) =>
        2 + Files[file].Records.Take(index).Sum(r => 1 + r.Count(c => c == '\n'));

    /// <summary>Writes the CSV files and manifest.json into <paramref name="dir"/> (created) and returns it.</summary>
    public string Write(string dir)
    {
        Directory.CreateDirectory(dir);
        var manifestFiles = new Dictionary<string, object>();
        foreach (var (name, file) in Files)
        {
            var bytes = Bytes(file);
            File.WriteAllBytes(Path.Combine(dir, name), bytes);
            manifestFiles[name] = new Dictionary<string, object>
            {
                ["rows"] = file.ManifestRows ?? file.Records.Count,
                ["sha256"] = file.ManifestSha256 ?? Convert.ToHexStringLower(SHA256.HashData(bytes)),
            };
        }
        var manifest = new Dictionary<string, object>
        {
            ["contract_version"] = "1", ["export_id"] = ExportId, ["extracted_at"] = "2026-11-01T02:00:00Z",
            ["reference_date"] = ReferenceDate, ["kind"] = Kind, ["files"] = manifestFiles,
        };
        File.WriteAllText(Path.Combine(dir, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        return dir;
    }

    static byte[] Bytes(CsvFile file)
    {
        if (file.Encoding is { } other) return [.. other.GetPreamble(), .. other.GetBytes(file.Text)];
        var text = Encoding.UTF8.GetBytes(file.Text);
        return file.ByteOrderMark ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }
}
