namespace Monitoring.Tools.Generate;

/// <summary>
/// Who lives in a benefit household: size by zone (about 2.05 persons in the North, 2.2 in the Centre, 2.45 in the South),
/// an applicant, often a partner, children mostly minors, sometimes another relative; ADI households
/// have a minor, an over-60 or a disabled member, so single-person households are mostly elderly.
/// </summary>
internal static class HouseholdComposer
{
    // Cumulative probabilities of 1..6 members.
    private static readonly double[] North = [0.50, 0.70, 0.83, 0.93, 0.98, 1.00];
    private static readonly double[] Centre = [0.45, 0.66, 0.81, 0.92, 0.97, 1.00];
    private static readonly double[] South = [0.38, 0.58, 0.74, 0.88, 0.96, 1.00];

    public static int DrawSize(Random rng, int zone)
    {
        var cumulative = zone switch { 1 => North, 2 => Centre, _ => South };
        var x = rng.NextDouble();
        for (var i = 0; i < cumulative.Length; i++)
            if (x < cumulative[i]) return i + 1;
        return cumulative.Length;
    }

    /// <summary>The household's citizenship (its applicant's, given to every member): foreign residents are a larger
    /// share of the poor in the North (README § Who the households are).</summary>
    public static string DrawCitizenship(Random rng, int zone) => rng.NextDouble() switch
    {
        var x when x < (zone == 1 ? 0.72 : zone == 2 ? 0.80 : 0.90) => "IT",
        var x when x < (zone == 1 ? 0.80 : zone == 2 ? 0.86 : 0.93) => "EU",
        _ => "NON_EU",
    };

    /// <summary>SFL is individual: mostly one person, sometimes a couple both in training.</summary>
    public static int DrawSflSize(Random rng) => rng.Chance(0.75) ? 1 : 2;

    /// <summary>An SFL household: adults 18-59, no minor, no over-60, no disabled member (else it would be ADI).</summary>
    public static void ComposeSfl(Random rng, int members, string citizenship, DateOnly applicationDate, List<PersonDraft> into)
    {
        into.Clear();
        var foreign = citizenship != "IT";
        var applicantFemale = rng.Chance(0.45);
        for (var k = 0; k < members; k++)
        {
            var female = k == 0 ? applicantFemale : !applicantFemale;
            var age = 18 + rng.Next(42);
            into.Add(new PersonDraft
            {
                FirstName = foreign && rng.Chance(0.7)
                    ? rng.Pick(female ? ItalianNames.ForeignFemale : ItalianNames.ForeignMale)
                    : rng.Pick(female ? ItalianNames.Female : ItalianNames.Male),
                LastName = foreign && rng.Chance(0.8) ? rng.Pick(ItalianNames.ForeignSurnames) : rng.Pick(ItalianNames.Surnames),
                Female = female, Relationship = k == 0 ? "applicant" : "partner", AgeAtApplication = age,
                BirthDate = applicationDate.AddYears(-age).AddDays(-rng.Next(1, 365)), Disabled = false,
            });
        }
    }

    public static void Compose(Random rng, int members, string citizenship, DateOnly applicationDate, List<PersonDraft> into)
    {
        into.Clear();
        var foreign = citizenship != "IT";
        string Surname() => foreign && rng.Chance(0.8) ? rng.Pick(ItalianNames.ForeignSurnames) : rng.Pick(ItalianNames.Surnames);
        string First(bool female) => foreign && rng.Chance(0.7)
            ? rng.Pick(female ? ItalianNames.ForeignFemale : ItalianNames.ForeignMale)
            : rng.Pick(female ? ItalianNames.Female : ItalianNames.Male);
        PersonDraft Make(string first, string last, bool female, int age, string relationship) => new()
        {
            FirstName = first, LastName = last, Female = female, Relationship = relationship, AgeAtApplication = age,
            BirthDate = applicationDate.AddYears(-age).AddDays(-rng.Next(1, 365)),
            Disabled = rng.Chance(age >= 65 ? 0.12 : 0.05),
        };

        var applicantFemale = rng.Chance(0.58);
        var family = Surname();
        int applicantAge;
        if (members == 1)
            applicantAge = rng.Chance(0.6) ? 65 + rng.Next(21) : 30 + rng.Next(35);
        else
            applicantAge = rng.Chance(0.2) ? 60 + rng.Next(25) : 25 + rng.Next(33);
        into.Add(Make(First(applicantFemale), family, applicantFemale, applicantAge, "applicant"));

        var remaining = members - 1;
        if (remaining > 0 && rng.Chance(0.6))
        {
            var partnerAge = Math.Clamp(applicantAge + rng.Next(-6, 7), 19, 95);
            into.Add(Make(First(!applicantFemale), Surname(), !applicantFemale, partnerAge, "partner"));
            remaining--;
        }
        var childSurname = applicantFemale && into.Count > 1 ? into[1].LastName : family;
        while (remaining > 0)
        {
            if (members >= 3 && rng.Chance(0.08))
            {
                var age = 55 + rng.Next(35); // a grandparent or another relative
                var f = rng.Chance(0.6);
                into.Add(Make(First(f), Surname(), f, age, "other"));
            }
            else
            {
                var maxAge = Math.Max(0, Math.Min(applicantAge - 20, 35)); // parents at least 20 at birth
                var age = rng.Chance(0.8) ? rng.Next(0, Math.Min(18, maxAge + 1)) : rng.Next(0, maxAge + 1);
                var f = rng.Chance(0.49);
                into.Add(Make(First(f), childSurname, f, age, "child"));
            }
            remaining--;
        }
    }
}
