console.log("sending")
