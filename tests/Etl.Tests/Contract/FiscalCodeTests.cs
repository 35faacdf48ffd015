using Monitoring.Etl.Contract;

namespace Monitoring.Tests.Etl.Contract;

public class FiscalCodeTests
{
    // RSSMRA85T10A562S is the Agenzia delle Entrate's own example (Mario Rossi, 10/12/1985, Roma).
    // By hand: odd positions R S R 8 T 0 5 2 → 8+12+8+19+14+1+13+5 = 80;
    // even positions S M A 5 1 A 6 → 18+12+0+5+1+0+6 = 42; 122 mod 26 = 18 → 'S'.
    [Fact]
    public void PublishedExampleIsValid()
    {
        Assert.Equal('S', FiscalCode.CheckCharacter("RSSMRA85T10A562"));
        Assert.True(FiscalCode.IsValid("RSSMRA85T10A562S"));
    }

    // Laura Bianchi, 1 January 1990, woman (day 41), Milano (F205). By hand: odd positions
    // B C R 9 A 1 2 5 → 0+5+8+21+1+0+5+13 = 53; even N L A 0 4 F 0 → 13+11+0+0+4+5+0 = 33;
    // 86 mod 26 = 8 → 'I'.
    [Fact]
    public void HandComputedWomanBornInMilanIsValid()
    {
        Assert.Equal('I', FiscalCode.CheckCharacter("BNCLRA90A41F205"));
        Assert.True(FiscalCode.IsValid("BNCLRA90A41F205I"));
        Assert.False(FiscalCode.IsValid("BNCLRA90A41F205T"));
    }

    // Omocodia: the last digit 2 becomes N. Odd position 15 now weighs N = 20 instead of 2 = 5:
    // 80 − 5 + 20 = 95, plus 42 = 137, mod 26 = 7 → 'H'.
    [Fact]
    public void OmocodicVariantIsValidWithItsOwnCheckCharacter()
    {
        Assert.Equal('H', FiscalCode.CheckCharacter("RSSMRA85T10A56N"));
        Assert.True(FiscalCode.IsValid("RSSMRA85T10A56NH"));
        Assert.False(FiscalCode.IsValid("RSSMRA85T10A56NS"));
    }

    [Theory]
    [InlineData("RSSMRA85T10A562T")]   // wrong check character
    [InlineData("RSSMRA85T10A562")]    // 15 characters
    [InlineData("RSSMRA85T10A562SX")]  // 17 characters
    [InlineData("rssmra85t10a562s")]   // lower case
    [InlineData("RSSMRA85F10A562S")]   // F is not a month letter
    [InlineData("RSSMRA8AT10A562S")]   // A is not an omocodia letter
    [InlineData("RSSMR185T10A562S")]   // a digit among the name letters
    [InlineData("")]
    [InlineData(null)]
    public void MalformedCodesAreInvalid(string? code) => Assert.False(FiscalCode.IsValid(code));

    [Fact]
    public void CheckCharacterNeedsFifteenCharacters() =>
        Assert.Throws<ArgumentException>(() => FiscalCode.CheckCharacter("RSSMRA85T10A56"));
}
