using Monitoring.Etl.Contract;

namespace Monitoring.Tools.Generate;

/// <summary>
/// Builds codici fiscali the way the Agenzia delle Entrate does (surname, name, birth date, sex,
/// cadastral code of the birth place, check letter), unique across the export: a collision gets the
/// omocodia treatment (digits replaced from the right by LMNPQRSTUV), as in real life.
/// </summary>
internal sealed class FiscalCodeFactory(double deliberateOmocodiaRate)
{
    // Digit positions replaced first when a code is already taken (rightmost first).
    private static readonly int[] OmocodiaOrder = [14, 13, 12, 10, 9, 7, 6];

    // Every code issued, packed 6 bits a character into 96 bits: ~30 bytes a person instead of ~90 for a string in a
    // set, the one thing the generator keeps per row (the history preset issues ~7M codes).
    private readonly HashSet<UInt128> _issued = [];
    private readonly Dictionary<string, string> _surnameCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameCodes = new(StringComparer.Ordinal);

    public int OmocodicIssued { get; private set; }

    public string Create(string surname, string firstName, DateOnly birth, bool female, string cadastral, Random rng)
    {
        Span<char> c = stackalloc char[16];
        SurnameCode(surname).AsSpan().CopyTo(c);
        NameCode(firstName).AsSpan().CopyTo(c[3..]);
        c[6] = (char)('0' + birth.Year % 100 / 10);
        c[7] = (char)('0' + birth.Year % 10);
        c[8] = FiscalCode.MonthLetters[birth.Month - 1];
        var day = birth.Day + (female ? 40 : 0);
        c[9] = (char)('0' + day / 10);
        c[10] = (char)('0' + day % 10);
        cadastral.AsSpan().CopyTo(c[11..]);

        var level = rng.NextDouble() < deliberateOmocodiaRate ? 1 + rng.Next(2) : 0;
        Span<char> candidate = stackalloc char[16];
        while (true)
        {
            c.CopyTo(candidate);
            for (var i = 0; i < level; i++)
                candidate[OmocodiaOrder[i]] = FiscalCode.OmocodiaLetters[candidate[OmocodiaOrder[i]] - '0'];
            candidate[15] = FiscalCode.CheckCharacter(candidate[..15]);
            if (_issued.Add(Pack(candidate)))
            {
                if (level > 0) OmocodicIssued++;
                return new string(candidate);
            }
            if (++level > OmocodiaOrder.Length)
                throw new InvalidOperationException("Fiscal code space exhausted for one person's data.");
        }
    }

    // A code's characters are digits and capital letters: 6 bits each.
    private static UInt128 Pack(ReadOnlySpan<char> code)
    {
        UInt128 packed = 0;
        foreach (var ch in code) packed = (packed << 6) | (uint)(ch - '0');
        return packed;
    }

    private string SurnameCode(string surname)
    {
        if (_surnameCodes.TryGetValue(surname, out var code)) return code;
        var (cons, vow) = Split(surname);
        code = (cons + vow + "XXX")[..3];
        _surnameCodes[surname] = code;
        return code;
    }

    private string NameCode(string name)
    {
        if (_nameCodes.TryGetValue(name, out var code)) return code;
        var (cons, vow) = Split(name);
        code = cons.Length >= 4 ? $"{cons[0]}{cons[2]}{cons[3]}" : (cons + vow + "XXX")[..3];
        _nameCodes[name] = code;
        return code;
    }

    // Consonants and vowels of a name in order, accents folded, spaces and apostrophes dropped.
    private static (string Consonants, string Vowels) Split(string s)
    {
        var cons = new System.Text.StringBuilder();
        var vow = new System.Text.StringBuilder();
        foreach (var raw in s.ToUpperInvariant())
        {
            var ch = raw switch
            {
                'À' or 'Á' => 'A', 'È' or 'É' => 'E', 'Ì' or 'Í' => 'I', 'Ò' or 'Ó' => 'O', 'Ù' or 'Ú' => 'U',
                _ => raw,
            };
            if (ch is < 'A' or > 'Z') continue;
            if ("AEIOU".Contains(ch)) vow.Append(ch); else cons.Append(ch);
        }
        return (cons.ToString(), vow.ToString());
    }
}
