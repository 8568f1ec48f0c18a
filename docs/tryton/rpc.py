import json, urllib.request, base64, sys
URL='http://127.0.0.1:8765/t1/'
S={}
def enc(o):
    import datetime, decimal
    if isinstance(o, datetime.date): return {'__class__':'date','year':o.year,'month':o.month,'day':o.day}
    if isinstance(o, decimal.Decimal): return {'__class__':'Decimal','decimal':str(o)}
    raise TypeError
def rpc(method, *params):
    req = urllib.request.Request(URL, data=json.dumps({'id':1,'method':method,'params':list(params)}, default=enc).encode(), headers={'Content-Type':'application/json'})
    if 'auth' in S: req.add_header('Authorization', 'Session '+base64.b64encode(S['auth'].encode()).decode())
    r = json.loads(urllib.request.urlopen(req).read())
    if 'error' in r and r['error']: raise Exception(json.dumps(r['error'])[:2000])
    return r['result']
def login():
    uid, sess = rpc('common.db.login', 'admin', {'password':'admin'})
    S['auth']='admin:%d:%s'%(uid,sess); S['uid']=uid
    return uid
def m(model, meth, *args, ctx=None):
    return rpc('model.%s.%s'%(model,meth), *args, ctx or S.get('ctx',{}))
