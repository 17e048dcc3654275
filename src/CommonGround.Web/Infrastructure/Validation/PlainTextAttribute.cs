using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CommonGround.Web.Infrastructure.Validation;

/// <summary>
/// Refuses text that contains web page code (an HTML tag such as &lt;script&gt;). Everything is shown safely
/// either way; refusing it tells the person plainly that it will not be kept as they typed it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class PlainTextAttribute() : ValidationAttribute("{0} must not include web page code, such as <script>. Remove anything written between < and >")
{
    public override bool IsValid(object? value) => value is not string text || !Tag().IsMatch(text);

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?]")]
    private static partial Regex Tag();
}
