using ModularGov.Dispatch.Contracts;

namespace ModularGov.Dispatch.Centre;

/// <summary>用: first time at the bottom in a year a public notice, second a formal interview, third and after personnel frozen and an inquiry.</summary>
internal static class SanctionLadder
{
    public static SanctionLevel For(int timesThisYear) => timesThisYear switch
    {
        <= 1 => SanctionLevel.Notice,
        2 => SanctionLevel.Interview,
        _ => SanctionLevel.FreezeAndInquiry,
    };

    public static string Measure(SanctionLevel level) => level switch
    {
        SanctionLevel.Notice => "通报 (public notice)",
        SanctionLevel.Interview => "约谈 (formal interview)",
        _ => "冻结人事并启动不担当不作为调查 (personnel actions frozen; inquiry into inaction opened)",
    };
}
