using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>The GOV.UK textarea: <c>&lt;govuk-textarea for="Input.Address" rows="4" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : FieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var classes = "govuk-textarea" + (error is null ? "" : " govuk-textarea--error");
        var html = FormGroupStart(error) + LabelHtml() + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
            + $"""<textarea class="{classes}" id="{Id}" name="{Name}" rows="{Rows}"{Html.Attribute("autocomplete", Autocomplete)}{Html.DescribedBy(Id, Hint, error)}>{Html.Encode(CurrentValue())}</textarea></div>""";
        Html.Replace(output, html);
    }
}
