namespace Platform.Api.Public;

/// <summary>
/// Search as you type: the only script of the pages, and optional (the search form works without
/// it). It asks the server for the results part of the same page (<c>parcial=1</c>), so results
/// are rendered and escaped in one place, and keeps the address in step with the query.
/// </summary>
internal static class SearchScript
{
    public const string Js = """
        (function(){
          var form=document.querySelector('form.search'),box=form&&form.querySelector('input[name=q]'),results=document.getElementById('resultados');
          if(!box||!results||!window.fetch)return;
          var timer=0,sent=0;
          box.addEventListener('input',function(){
            clearTimeout(timer);
            timer=setTimeout(function(){
              var params=new URLSearchParams(new FormData(form));
              params.delete('cursor');
              if(!box.value.trim())params.delete('q');
              var address=form.getAttribute('action')+(params.toString()?'?'+params.toString():'');
              var mine=++sent;
              params.set('parcial','1');
              fetch(form.getAttribute('action')+'?'+params.toString(),{headers:{'Accept':'text/html'}})
                .then(function(r){return r.ok?r.text():null;})
                .then(function(html){
                  if(html===null||mine!==sent)return;
                  results.innerHTML=html;
                  history.replaceState(null,'',address);
                }).catch(function(){});
            },250);
          });
        })();
        """;
}
