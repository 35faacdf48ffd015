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

    // Every code issued, as a 64-bit fingerprint (16 bytes a set entry, against ~90 for a string): the one thing the
    // generator keeps per person (the history preset issues 6.8M codes). Two distinct codes share a fingerprint with a
    // probability of ~1e-6 over the whole history preset; if they did, the second would only get the omocodia
    // treatment, still a valid and unique code, and the same on every run.
    private readonly HashSet<ulong> _issued = [];
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

    // A code's first 15 characters (the 16th follows from them) are digits and capital letters, 6 bits each: 90 bits,
    // mixed down to 64 (the two halves through a multiply by odd constants, then a final avalanche).
    private static ulong Pack(ReadOnlySpan<char> code)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 5; i++) high = (high << 6) | (uint)(code[i] - '0');
        for (var i = 5; i < 15; i++) low = (low << 6) | (uint)(code[i] - '0');
        var x = low ^ (high * 0x9E3779B97F4A7C15UL);
        x ^= x >> 33; x *= 0xFF51AFD7ED558CCDUL; x ^= x >> 33;
        return x;
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
