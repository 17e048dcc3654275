using CommonGround.Core.Access;
using CommonGround.Core.Documents;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Documents;

/// <summary>
/// One document: who added it and when, its download, and taking it out for the person who added it. The download is
/// always an attachment with its real type, and each is in "who has seen".
/// </summary>
public sealed class DocumentModel(DocumentService documents, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public Document Document { get; private set; } = default!;
    public bool MayRemove { get; private set; }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid documentId)
    {
        if (await documents.GetAsync(Access, documentId) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        MayRemove = Access.Can(Capability.AddDocument) && document.MayBeRemovedBy(CurrentUser.UserId!.Value);
        DescribeRead(document.Part, $"Document: {document.Title}");
        return Page();
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetDownloadAsync(Guid documentId)
    {
        if (await documents.OpenAsync(Access, documentId) is not { } opened)
        {
            return NotFound();
        }

        DescribeRead(opened.Document.Part, $"Document downloaded: {opened.Document.Title}");
        return File(opened.Bytes, opened.Document.Type.ContentType(), opened.Document.FileName);
    }

    /// <summary>Takes the document out; the service lets only the person who added it.</summary>
    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid documentId)
    {
        if (await documents.GetAsync(Access, documentId) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        var result = await documents.RemoveAsync(Access, documentId, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.Error!.Message);
            DescribeRead(document.Part, $"Document: {document.Title}");
            return Invalid();
        }

        Confirm("Document taken out", $"\"{result.Value!.Title}\" is no longer kept. The record shows that it was added and that you took it out.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Documents(Access.Child.Id));
    }
}
