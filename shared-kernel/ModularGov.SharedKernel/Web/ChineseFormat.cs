using System.Globalization;
using ModularGov.SharedKernel.State;

namespace ModularGov.SharedKernel.Web;

/// <summary>How the console writes dates and numbers: China time the Chinese way (2026年12月1日 14:05), thousands separators.</summary>
public static class ChineseFormat
{
    private static readonly CultureInfo Numbers = CultureInfo.GetCultureInfo("zh-CN");

    public static string DateTime(DateTimeOffset moment)
    {
        var china = moment.ToOffset(ChinaTime.Offset);
        return $"{china.Year}年{china.Month}月{china.Day}日 {china:HH:mm}";
    }

    public static string DateTime(DateTimeOffset? moment) => moment is { } m ? DateTime(m) : "—";

    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    public static string Number(long value) => value.ToString("#,0", Numbers);

    /// <summary>The start of a long text for a list or a table cell, with an ellipsis when it was cut.</summary>
    public static string Excerpt(string text, int max) => text.Length > max ? Http.TextRules.Cut(text, max) + "…" : text;

    public static string Number(double value, int decimals = 1) => value.ToString("#,0." + new string('0', decimals), Numbers);
}
