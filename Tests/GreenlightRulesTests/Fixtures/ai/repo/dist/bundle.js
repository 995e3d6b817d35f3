var a=function(){return openai.chat.completions.create({model:"gpt-4o",messages:[]})};
