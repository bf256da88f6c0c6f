using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ModularGov.Open311.Http;

/// <summary>
/// A request's parameters: the query, and for POST the <c>application/x-www-form-urlencoded</c> body the spec asks for, or a
/// JSON object (a body's value wins over the query's). Read once per request; every value is length-checked by whoever uses it.
/// </summary>
internal sealed class Open311Input
{
    /// <summary>The longest value of a parameter without its own limit (ids, codes, dates, coordinates, names).</summary>
    public const int MaxValue = 200;

    private readonly Dictionary<string, string> _values;

    private Open311Input(Dictionary<string, string> values) => _values = values;

    public IEnumerable<string> Names => _values.Keys;

    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static async Task<Open311Input> ReadAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(Open311Input), out var read) && read is Open311Input input)
            return input;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in http.Request.Query)
            values[name] = value.ToString();
        if (http.Request.HasFormContentType)
        {
            try
            {
                foreach (var (name, value) in await http.Request.ReadFormAsync(http.RequestAborted))
                    values[name] = value.ToString();
            }
            catch (InvalidDataException)
            {
                // A broken form counts as no form: its required fields are then missing, a 400 naming them.
            }
        }
        if (http.Request.HasJsonContentType())
            await ReadJsonAsync(http, values);
        input = new Open311Input(values);
        http.Items[typeof(Open311Input)] = input;
        return input;
    }

    /// <summary>
    /// A JSON object body instead of the form: its string and number members, as the form's fields (the key still comes in
    /// the query). Anything else in it is ignored, and a body that is not a JSON object counts as none.
    /// </summary>
    private static async Task ReadJsonAsync(HttpContext http, Dictionary<string, string> values)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
                return;
            foreach (var member in body.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind is JsonValueKind.String)
                    values[member.Name] = member.Value.GetString()!;
                else if (member.Value.ValueKind is JsonValueKind.Number)
                    values[member.Name] = member.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            // As a broken form: the required fields are then missing, a 400 naming them.
        }
    }

    /// <summary>The first parameter longer than its limit, named with the limit, or null.</summary>
    public string? TooLong(IReadOnlyDictionary<string, int> limits)
    {
        foreach (var (name, value) in _values)
        {
            var limit = limits.TryGetValue(name, out var own) ? own : MaxValue;
            if (value.Length > limit)
                return $"参数过长 ({name} is longer than {limit} characters)";
        }
        return null;
    }
}
