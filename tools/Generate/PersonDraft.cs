namespace Monitoring.Tools.Generate;

/// <summary>A household member before it is written (persons.csv), also used to put names in notes.</summary>
internal struct PersonDraft
{
    public string FirstName;
    public string LastName;
    public DateOnly BirthDate;
    public bool Female;
    public string Relationship;
    public bool Disabled;
    public int AgeAtApplication;
}
