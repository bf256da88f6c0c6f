using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using ModularGov.SharedKernel.State;

namespace ModularGov.Open311.Http;

/// <summary>Renders an <see cref="Open311Node"/> in the format the path's suffix asks for: <c>.json</c> or <c>.xml</c> (<c>text/xml</c>).</summary>
internal static class Open311Writer
{
    public const string Json = "json";
    public const string Xml = "xml";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The format the route's <c>{format}</c> names, or null when it names neither.</summary>
    public static string? FormatOf(HttpContext http) => (http.Request.RouteValues["format"] as string) switch
    {
        Json => Json,
        Xml => Xml,
        _ => null,
    };

    public static IResult Result(string format, Open311Node node, int status = StatusCodes.Status200OK) => format == Xml
        ? Results.Text(ToXml(node), "text/xml", Encoding.UTF8, status)
        : Results.Text(ToJson(node), "application/json", Encoding.UTF8, status);

    public static string ToJson(Open311Node node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            WriteJson(json, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToXml(Open311Node node)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            xml.WriteStartDocument();
            WriteXml(xml, node);
            xml.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Moments in China time with their offset, as ISO 8601 (w3 format) the spec asks for.</summary>
    public static string Moment(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case Open311Object obj:
                json.WriteStartObject();
                foreach (var (name, field) in obj.Fields)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                    WriteJson(json, item);
                json.WriteEndArray();
                break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(number); break;
            case DateTimeOffset at: json.WriteStringValue(Moment(at)); break;
            default: throw new ArgumentException($"no Open311 rendering for {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteXml(XmlWriter xml, Open311Node node)
    {
        switch (node)
        {
            case Open311Object obj:
                xml.WriteStartElement(obj.Element);
                foreach (var (name, field) in obj.Fields)
                {
                    if (field is Open311Node nested)
                        WriteXml(xml, nested is Open311List list ? list with { Element = name } : nested);
                    else
                        xml.WriteElementString(name, XmlText(field));
                }
                xml.WriteEndElement();
                break;
            case Open311List list:
                xml.WriteStartElement(list.Element);
                foreach (var item in list.Items)
                {
                    if (item is Open311Node nested)
                        WriteXml(xml, nested);
                    else
                        xml.WriteElementString(list.ItemElement, XmlText(item));
                }
                xml.WriteEndElement();
                break;
        }
    }

    private static string XmlText(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset at => Moment(at),
        _ => value.ToString() ?? "",
    };
}
