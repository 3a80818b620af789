/* Material 9.8.2's inline script from partials/javascripts/base.html, verbatim but for the scope, read from
   the script element's data-scope, as a file: a Content-Security-Policy
   without 'unsafe-inline' allows it (overrides/partials/javascripts/base.html; tests/site/test_theme.py compares). */
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
