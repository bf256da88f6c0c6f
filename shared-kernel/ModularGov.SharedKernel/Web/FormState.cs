using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ModularGov.SharedKernel.Web;

/// <summary>
/// A console form as sent: what was typed (shown again when the form comes back, so nothing typed is lost), a message per field
/// that is wrong (in Chinese, beside the field), and the API's refusal when the module refused it (shown readably above the form).
/// Every form carries an idempotency key, made when the form is drawn and kept while it comes back, so a repeated click or a
/// resend files once.
/// </summary>
public sealed class FormState
{
    public const string KeyField = "idempotency-key";

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _errors = [];

    private FormState(Dictionary<string, string> values) => _values = values;

    /// <summary>A new, empty form with a fresh idempotency key.</summary>
    public static FormState Blank() => new(new() { [KeyField] = Guid.NewGuid().ToString("N") });

    public static async Task<FormState> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>();
        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
                values[name] = value.ToString().Trim();
        }
        if (!values.TryGetValue(KeyField, out var key) || key.Length is 0 or > 100)
            values[KeyField] = Guid.NewGuid().ToString("N");
        return new FormState(values);
    }

    public string IdempotencyKey => _values[KeyField];

    public string Value(string name) => _values.GetValueOrDefault(name, "");

    /// <summary>The field's value, or null when it was left empty.</summary>
    public string? Optional(string name) => _values.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;

    public string? Error(string name) => _errors.GetValueOrDefault(name);

    /// <summary>The module's refusal, as its title and detail (the API's problem details).</summary>
    public string? Refusal { get; private set; }

    public bool IsValid => _errors.Count == 0 && Refusal is null;

    /// <summary>Checks that <paramref name="name"/> was filled in, with the message <c>请填写{label}</c> if not.</summary>
    public FormState Require(string name, string label)
    {
        if (Optional(name) is null)
            _errors.TryAdd(name, $"请填写{label}");
        return this;
    }

    /// <summary>Forgets what was typed in these fields (passwords, codes), so the page that comes back does not hold them.</summary>
    public FormState Clear(params string[] names)
    {
        foreach (var name in names)
            _values.Remove(name);
        return this;
    }

    public FormState Fail(string name, string message)
    {
        _errors.TryAdd(name, message);
        return this;
    }

    /// <summary>Takes the refusal from a module's answer, when the answer is one; true when it was.</summary>
    public bool Refused(IResult answer)
    {
        var problem = answer is INestedHttpResult nested ? nested.Result : answer;
        if (problem is not ProblemHttpResult refused)
            return false;
        Refusal = string.IsNullOrEmpty(refused.ProblemDetails.Detail) ? refused.ProblemDetails.Title : $"{refused.ProblemDetails.Title}:{refused.ProblemDetails.Detail}";
        return true;
    }

    /// <summary>The status a form that comes back answers with: 400 for a field, else the refusal's.</summary>
    public int Status(IResult? answer = null) =>
        (answer is INestedHttpResult nested ? nested.Result : answer) is ProblemHttpResult refused ? refused.StatusCode : StatusCodes.Status400BadRequest;
}
