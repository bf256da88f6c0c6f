using ModularGov.Dispatch.Views;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Dispatch.Pages;

/// <summary>What the case page's forms share: which form a refusal belongs to, multi-valued fields, and the unit options.</summary>
internal static class CaseForms
{
    /// <summary>The ticked values of a checkbox group (a form keeps them comma-joined; unit ids hold no commas).</summary>
    public static IReadOnlyList<string> Many(FormState form, string name) =>
        form.Value(name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<(string Value, string Text)> UnitOptions(DispatchNames names) =>
        names.Units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (u.Key, u.Value)).ToList();
}
