namespace Monitoring.Etl.Contract;

/// <summary>
/// The Italian codice fiscale of a person: 6 letters (surname, name), 2 year digits, a month letter,
/// 2 day digits (+40 for women), a 4-character cadastral code (letter + 3 digits), a check letter.
/// When two people would get the same code, the Agenzia delle Entrate replaces digits from the right
/// with the letters LMNPQRSTUV ("omocodia"), so every digit position also accepts those letters.
/// The check letter is computed on the code as written (omocodic letters included).
/// </summary>
public static class FiscalCode
{
    /// <summary>Letters that stand for the digits 0..9 in an omocodic code.</summary>
    public const string OmocodiaLetters = "LMNPQRSTUV";

    /// <summary>Month letters for January..December.</summary>
    public const string MonthLetters = "ABCDEHLMPRST";

    // Values of the characters in odd positions (1st, 3rd, ... counting from 1), indexed by digit or letter.
    private static readonly int[] OddDigit = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static readonly int[] OddLetter =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    // Positions (0-based) that hold digits in a regular code and may hold omocodia letters.
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];

    /// <summary>
    /// True when the code is 16 upper-case characters of the official pattern
    /// (omocodia letters allowed in the digit positions) and the last character is the correct
    /// check letter — exactly the contract's rule, which the validator's SQL (FiscalCodeSql) mirrors.
    /// </summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 16) return false;
        for (var i = 0; i < 6; i++)
            if (!IsUpperLetter(code[i])) return false;
        foreach (var p in DigitPositions)
            if (DigitValue(code[p]) < 0) return false;
        if (MonthLetters.IndexOf(code[8]) < 0) return false;
        if (!IsUpperLetter(code[11]) || !IsUpperLetter(code[15])) return false;
        return CheckCharacter(code.AsSpan(0, 15)) == code[15];
    }

    /// <summary>The check letter of the first 15 characters of a code.</summary>
    public static char CheckCharacter(string first15)
    {
        ArgumentNullException.ThrowIfNull(first15);
        return CheckCharacter(first15.AsSpan());
    }

    /// <summary>The check letter of the first 15 characters of a code (span overload, no allocation).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first15)
    {
        if (first15.Length != 15)
            throw new ArgumentException("The check character is computed on exactly 15 characters.", nameof(first15));
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var isOdd = i % 2 == 0; // 1st, 3rd, ... character counting from 1
            if (c is >= '0' and <= '9')
                sum += isOdd ? OddDigit[c - '0'] : c - '0';
            else if (IsUpperLetter(c))
                sum += isOdd ? OddLetter[c - 'A'] : c - 'A';
            else
                throw new ArgumentException("A fiscal code holds only digits and upper-case letters.", nameof(first15));
        }
        return (char)('A' + sum % 26);
    }

    private static bool IsUpperLetter(char c) => c is >= 'A' and <= 'Z';

    // The digit a position stands for: itself, or the omocodia letter's digit; -1 when neither.
    private static int DigitValue(char c) =>
        c is >= '0' and <= '9' ? c - '0' : OmocodiaLetters.IndexOf(c);
}
