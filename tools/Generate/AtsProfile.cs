namespace Monitoring.Tools.Generate;

/// <summary>How an ATS was made to behave, recorded in the truth file so tests can check the red flags find it.</summary>
internal enum AtsProfile
{
    Normal,
    /// <summary>Far fewer case managers per open case.</summary>
    Understaffed,
    /// <summary>Much longer lags to convocation, first meeting and plan; fewer cases processed per case manager.</summary>
    Slow,
    /// <summary>Tiny population and 1-2 case managers, but national average behaviour on expectation.</summary>
    Noisy,
}
