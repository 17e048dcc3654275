using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>The GOV.UK text input: <c>&lt;govuk-input for="Input.Email" type="email" autocomplete="email" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : FieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    /// <summary>Words after the box, such as a unit ("working days").</summary>
    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        // A password is never sent back to the browser.
        var value = Type == "password" ? null : CurrentValue();
        var classes = "govuk-input" + (error is null ? "" : " govuk-input--error") + (InputClass is null ? "" : " " + InputClass);
        var spellcheck = Spellcheck is null ? "" : $""" spellcheck="{(Spellcheck.Value ? "true" : "false")}" """.TrimEnd();
        var input = $"""<input class="{classes}" id="{Id}" name="{Name}" type="{Html.Encode(Type)}"{Html.Attribute("value", value)}{Html.Attribute("autocomplete", Autocomplete)}{Html.Attribute("inputmode", InputMode)}{spellcheck}{Html.DescribedBy(Id, Hint, error)}>""";
        if (Suffix is not null)
        {
            input = $"""<div class="govuk-input__wrapper">{input}<div class="govuk-input__suffix" aria-hidden="true">{Html.Encode(Suffix)}</div></div>""";
        }

        var html = FormGroupStart(error) + LabelHtml() + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error)) + input + "</div>";
        Html.Replace(output, html);
    }
}
