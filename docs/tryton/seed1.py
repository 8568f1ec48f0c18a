from rpc import *
import datetime
from decimal import Decimal as D
login()
eur = m('currency.currency','create',[{'name':'Euro','code':'EUR','symbol':'€'}])[0]
m('currency.currency.rate','create',[{'currency':eur,'rate':D('1'),'date':datetime.date(2020,1,1)}])
cparty = m('party.party','create',[{'name':'Backroom Retail'}])[0]
comp = m('company.company','create',[{'party':cparty,'currency':eur}])[0]
m('res.user','write',[S['uid']],{'companies':[['add',[comp]]],'company':comp})
S['ctx']={'company':comp,'companies':[comp]}
login()
S['ctx']={'company':comp,'companies':[comp]}
# chart wizard
tmpl = m('account.account.template','search',[['parent','=',None]],0,None,None)[0]
sid, start, end = rpc('wizard.account.create_chart.create', {})
print('wiz', sid, start, end)
r = rpc('wizard.account.create_chart.execute', sid, {}, start, S['ctx'])
print(json.dumps(r)[:500])
r = rpc('wizard.account.create_chart.execute', sid, {'account':{'company':comp,'account_template':tmpl}}, 'create_account', S['ctx'])
print(json.dumps(r)[:800])
def acc(tp):
    return m('account.account','search',[['type.'+tp,'=',True],['closed','!=',True]],0,1,None)[0]
rec = m('account.account','search',[['type.receivable','=',True]],0,1,None)[0]
pay = m('account.account','search',[['type.payable','=',True]],0,1,None)[0]
exp = m('account.account','search',[['type.expense','=',True]],0,1,None)[0]
rev = m('account.account','search',[['type.revenue','=',True]],0,1,None)[0]
print(rec,pay,exp,rev)
r = rpc('wizard.account.create_chart.execute', sid, {'properties':{'company':comp,'account_receivable':rec,'account_payable':pay,'category_account_expense':exp,'category_account_revenue':rev}}, 'create_properties', S['ctx'])
print(json.dumps(r)[:300])
rpc('wizard.account.create_chart.delete', sid, S['ctx'])
# fiscal year
seqtype = m('ir.sequence.type','search_read',[],0,None,None,['name'])
print(seqtype)
today = datetime.date.today()
y = today.year
mseq = m('ir.sequence','create',[{'name':'Moves %d'%y,'sequence_type':3,'company':comp}])[0]
iseq = m('ir.sequence.strict','create',[{'name':'Invoices %d'%y,'sequence_type':13,'company':comp}])[0]
fy = m('account.fiscalyear','create',[{'name':str(y),'start_date':datetime.date(y,1,1),'end_date':datetime.date(y,12,31),'company':comp,'post_move_sequence':mseq,
   'invoice_sequences':[['create',[{'company':comp,'in_invoice_sequence':iseq,'in_credit_note_sequence':iseq,'out_invoice_sequence':iseq,'out_credit_note_sequence':iseq}]]]}])[0]
m('account.fiscalyear','create_period',[fy])
pt = m('account.invoice.payment_term','create',[{'name':'Net 30','lines':[['create',[{'type':'remainder','relativedeltas':[['create',[{'days':30}]]]}]]]}])[0]
cat = m('product.category','create',[{'name':'Grocery','accounting':True,'account_expense':exp,'account_revenue':rev}])[0]
sup = m('party.party','create',[{'name':'Acme Foods','code':'ACME','addresses':[['create',[{'city':'Lyon'}]]]}])[0]
tpl = m('product.template','create',[{'name':'Olive oil 1L','type':'goods','list_price':D('9'),'default_uom':1,'purchasable':True,'purchase_uom':1,'account_category':cat,
   'products':[['create',[{'code':'OIL-1L'}]]],
   'product_suppliers':[['create',[{'party':sup,'prices':[['create',[{'quantity':0,'unit_price':D('4.50')}]]]}]]]}])[0]
prod = m('product.product','search',[['template','=',tpl]],0,None,None)[0]
wh = m('stock.location','search',[['type','=','warehouse']],0,None,None)[0]
addr = m('party.address','search',[['party','=',sup]],0,None,None)[0]
po = m('purchase.purchase','create',[{'party':sup,'invoice_address':addr,'company':comp,'currency':eur,'warehouse':wh,'payment_term':pt,'invoice_method':'manual','purchase_date':today,
   'lines':[['create',[{'product':prod,'quantity':10,'unit':1,'unit_price':D('4.50'),'description':'Olive oil 1L'}]]]}])[0]
m('purchase.purchase','quote',[po]); m('purchase.purchase','confirm',[po])
print(m('purchase.purchase','read',[po],['number','state','shipment_state','moves','write_date']))
